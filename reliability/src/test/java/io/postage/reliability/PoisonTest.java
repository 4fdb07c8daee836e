package io.postage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.DeadLetterHeaders;
import io.postage.DecodeException;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.ProcessorSettings;
import io.postage.QueueSpec;
import io.postage.reliability.DeadLetters.DeadLetter;
import io.postage.reliability.HostileBodies.Hostile;
import io.postage.spi.DecodeLimits;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8's poison test: 2 000 hostile bodies from a seeded generator ({@link HostileBodies}), mixed
 * with 2 000 good messages and published raw to a processor's queue. The processor never dies, handles every good message exactly
 * once, and dead-letters every hostile body, unchanged, with the reason in a header.
 */
@Tag("slow")
@Timeout(120)
@PostageBroker
@ExtendWith(QuietProcessorLog.class)
class PoisonTest {
    private static final int GOOD = 2_000;
    private static final int BAD = 2_000;
    /** Small limits, so that bodies over them stay cheap to send 2 000 times. */
    private static final DecodeLimits LIMITS = new DecodeLimits(64 * 1024, 32);
    private static final MessageCodec CODEC = MessageCodec.of("jackson");

    private final BrokerInfo broker;
    private final Exchange exchange;
    private final QueueSpec queue;

    PoisonTest(BrokerInfo broker) {
        this.broker = broker;
        this.exchange = Exchange.direct(broker.unique("poison-exchange")).withAutoDelete(true);
        this.queue = QueueSpec.named(broker.unique("poison-queue")).withAutoDelete(true)
                .withDeadLetterQueue(broker.unique("poison-dlx"), broker.unique("poison-dlq"));
    }

    @Test
    void hostileBodiesAreDeadLetteredWithTheirReasonAndEveryGoodMessageIsHandledOnce() throws Exception {
        long seed = new Random().nextLong();
        List<Hostile> hostile = new HostileBodies(CODEC, LIMITS).sample(BAD, seed);
        MessageCodec strict = MessageCodec.of("jackson", LIMITS);
        assertThat(hostile).as("the generator makes only undecodable bodies (seed %d)", seed)
                .allSatisfy(bad -> assertThat(decodes(strict, bad.body())).as(bad.kind()).isFalse());
        List<byte[]> bodies = new ArrayList<>(hostile.stream().map(Hostile::body).toList());
        IntStream.range(0, GOOD).mapToObj(n -> CODEC.encode(Message.command("count", Map.of("n", n)))).forEach(bodies::add);
        Collections.shuffle(bodies, new Random(seed));
        CountingProcessor processor = new CountingProcessor(CountingProcessor.fingerprint("poison_receiver", broker),
                Eqk.builder().exchange(exchange).queue(queue, "poison").build(),
                ProcessorSettings.of(broker.config()).withPrefetch(20).withDecodeLimits(LIMITS));

        long start = System.nanoTime();
        List<DeadLetter> deadLetters;
        try (DeadLetters raw = new DeadLetters(broker)) {
            try (RunningProcessors running = RunningProcessors.start(processor)) {
                raw.collect(queue.deadLetterQueue());
                raw.publish(exchange.name(), "poison", bodies);
                raw.awaitAtLeast(BAD, Duration.ofSeconds(60));
                raw.publish(exchange.name(), "poison", List.of(CODEC.encode(Message.command("count", Map.of("n", GOOD)))));
                processor.awaitHandled(GOOD + 1, Duration.ofSeconds(30));
                Thread.sleep(500); // anything more, duplicates or stray dead letters, would show now
            } finally {
                raw.deleteDeadLetterQueueOf(queue);
            }
            deadLetters = raw.received();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        int lost = (int) IntStream.rangeClosed(0, GOOD).filter(n -> processor.handledCount(n) == 0).count();
        int duplicates = IntStream.rangeClosed(0, GOOD).map(n -> Math.max(0, processor.handledCount(n) - 1)).sum();
        Map<String, Long> reasons = deadLetters.stream().collect(Collectors.groupingBy(
                letter -> letter.reason().replaceFirst("(?s)^undecodable body \\((\\w+)\\).*", "$1"), TreeMap::new,
                Collectors.counting()));
        System.out.printf("figures: poison seed=%d good=%d bad=%d handled=%d dead-lettered=%d lost=%d duplicates=%d "
                + "seconds=%.1f reasons=%s kinds=%s%n", seed, GOOD, BAD, processor.handled.size() - 1,
                deadLetters.size(), lost + Math.max(0, BAD - deadLetters.size()), duplicates, seconds, reasons,
                hostile.stream().collect(Collectors.groupingBy(Hostile::kind, TreeMap::new, Collectors.counting())));

        assertThat(lost).as("good messages never handled (seed %d)", seed).isZero();
        assertThat(duplicates).as("good messages handled twice (seed %d)", seed).isZero();
        assertThat(processor.handled).as("only good messages reached the handler").hasSize(GOOD + 1);
        assertThat(deadLetters).as("every hostile body dead-lettered once, unchanged (seed %d)", seed)
                .extracting(letter -> ByteBuffer.wrap(letter.body()))
                .containsExactlyInAnyOrderElementsOf(hostile.stream().map(bad -> ByteBuffer.wrap(bad.body())).toList());
        assertThat(deadLetters).allSatisfy(letter -> {
            assertThat(letter.reason()).startsWith("undecodable body (");
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.headers()).containsEntry(DeadLetterHeaders.ORIGINAL_QUEUE, queue.name());
        });
    }

    @Test
    void aBodyOverTheDefaultLimitIsDeadLetteredBeforeDispatchWithItsReason() throws Exception {
        byte[] oversize = new byte[DecodeLimits.DEFAULT.maxBodyBytes() + 1];
        Arrays.fill(oversize, (byte) ' ');
        CountingProcessor processor = new CountingProcessor(CountingProcessor.fingerprint("poison_receiver", broker),
                Eqk.builder().exchange(exchange).queue(queue, "poison").build(), ProcessorSettings.of(broker.config()));

        try (DeadLetters raw = new DeadLetters(broker)) {
            try (RunningProcessors running = RunningProcessors.start(processor)) {
                raw.collect(queue.deadLetterQueue());
                raw.publish(exchange.name(), "poison", List.of(oversize,
                        CODEC.encode(Message.command("count", Map.of("n", 1)))));

                List<DeadLetter> deadLetters = raw.awaitAtLeast(1, Duration.ofSeconds(30));
                assertThat(deadLetters).hasSize(1);
                assertThat(deadLetters.get(0).body()).hasSize(oversize.length);
                assertThat(deadLetters.get(0).reason()).startsWith("undecodable body (TOO_LARGE)")
                        .contains(String.valueOf(oversize.length))
                        .contains(String.valueOf(DecodeLimits.DEFAULT.maxBodyBytes()));
                processor.awaitHandled(1, Duration.ofSeconds(10));
                assertThat(processor.handledCount(1)).as("the next good message").isEqualTo(1);
            } finally {
                raw.deleteDeadLetterQueueOf(queue);
            }
        }
    }

    private static boolean decodes(MessageCodec codec, byte[] body) {
        try {
            codec.decode(body);
            return true;
        } catch (DecodeException e) {
            return false;
        }
    }
}
