package io.postage.reliability;

import static io.postage.reliability.Brokers.GENEROUS;
import static io.postage.reliability.Brokers.lastingQueue;
import static io.postage.reliability.Brokers.run;
import static io.postage.reliability.NumberedWorker.WORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.PostageConfig;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.reliability.Brokers.Running;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Load (issue 8): four processors compete on one queue fed by two producers with 200 000 numbered messages;
 * every number is counted exactly: none lost, none handled twice without the redelivered flag.
 */
@PostageBroker
@Tag("slow")
class LoadTest {
    private static final int MESSAGES = 200_000;
    private static final int PRODUCERS = 2;
    private static final int PROCESSORS = 4;
    private static final int PREFETCH = 50;
    /** The test fails when no message arrives for this long (a stalled consumer), however long the whole run. */
    private static final Duration STALL = Duration.ofSeconds(30);

    @Test
    void fourCompetingProcessorsHandleEveryMessageOfTwoProducersExactlyOnce(BrokerInfo broker) throws Exception {
        PostageConfig config = broker.config();
        Exchange exchange = Exchange.direct(broker.unique("load")).withAutoDelete(true);
        QueueSpec queue = lastingQueue(broker, "load");
        Tally tally = new Tally(MESSAGES);
        ProcessorSettings settings = ProcessorSettings.of(config).withPrefetch(PREFETCH);
        NumberedWorker[] workers = IntStream.range(0, PROCESSORS)
                .mapToObj(n -> new NumberedWorker("load_worker_" + n, Eqk.of(exchange, queue.name(), WORK), settings,
                        tally, Duration.ZERO))
                .toArray(NumberedWorker[]::new);
        Running running = run("virtual-threads", workers);

        long start = System.nanoTime();
        List<CompletableFuture<Void>> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int first = p;
            producers.add(CompletableFuture.runAsync(() -> publish(config, exchange, first),
                    runnable -> Thread.ofPlatform().name("load-producer-" + first).start(runnable)));
        }
        CompletableFuture.allOf(producers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        boolean complete = awaitAll(tally);
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(500); // room for a message handled twice to show up
        for (NumberedWorker worker : workers) {
            worker.close();
        }
        assertThat(running.exited()).as("the processors' scheduler exited").isTrue();

        System.out.printf("figures: load broker=%s messages=%d producers=%d processors=%d prefetch=%d lost=%d"
                + " duplicates=%d unflaggedDuplicates=%d msgsPerSecond=%.0f seconds=%.1f publishSeconds=%.1f"
                + " perProcessor=%s%n", broker.product(), MESSAGES, PRODUCERS, PROCESSORS, PREFETCH, tally.missing(),
                tally.repeats(), tally.unflaggedRepeats(), MESSAGES / seconds, seconds, publishSeconds,
                Arrays.stream(workers).map(worker -> String.valueOf(worker.finished())).toList());
        assertThat(complete).as("every message arrived, none stalled for " + STALL).isTrue();
        assertThat(tally.missing()).as("messages lost").isZero();
        assertThat(tally.unflaggedRepeats()).as("messages handled twice without the redelivered flag").isZero();
        assertThat(workers).as("every processor took its share").allSatisfy(
                worker -> assertThat(worker.finished()).isPositive());
    }

    /** Publishes every {@value #PRODUCERS}th number from {@code first}. */
    private static void publish(PostageConfig config, Exchange exchange, int first) {
        try (Producer producer = Producer.builder(Fingerprint.of("load_sender_" + first, "application", config))
                .config(config).eks(exchange, WORK).build()) {
            for (int number = first; number < MESSAGES; number += PRODUCERS) {
                producer.message(WORK, number);
            }
        }
    }

    /** @return whether every number arrived, waiting as long as they keep arriving */
    private static boolean awaitAll(Tally tally) throws InterruptedException {
        int seen = -1;
        long lastProgress = System.nanoTime();
        while (tally.distinct() < MESSAGES) {
            int now = tally.distinct();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
