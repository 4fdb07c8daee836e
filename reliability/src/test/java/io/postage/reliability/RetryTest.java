package io.postage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.DeadLetterHeaders;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.ProcessorSettings;
import io.postage.QueueSpec;
import io.postage.RetryPolicy;
import io.postage.reliability.DeadLetters.DeadLetter;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8's retry tests: handlers that fail some attempts are retried with backoff and handled once;
 * handlers that keep failing are dead-lettered after exactly {@code maxAttempts} with the reason and
 * the attempts in headers; retries waiting when the processor stops are not lost.
 */
@Tag("slow")
@Timeout(120)
@PostageBroker
@ExtendWith(QuietProcessorLog.class)
class RetryTest {
    private static final MessageCodec CODEC = MessageCodec.of("jackson");
    private static final int MAX_ATTEMPTS = 3;
    /** How many attempts of the messages fail, in turn: handled at once, on a retry, or never. */
    private static final List<Integer> FAILURES = List.of(0, 1, 2, 3, Integer.MAX_VALUE);

    private final BrokerInfo broker;
    private final Exchange exchange;

    RetryTest(BrokerInfo broker) {
        this.broker = broker;
        this.exchange = Exchange.direct(broker.unique("retry-exchange")).withAutoDelete(true);
    }

    @Test
    void failingHandlersAreRetriedThenHandledOnceOrDeadLetteredAfterExactlyMaxAttempts() throws Exception {
        int messages = 500;
        QueueSpec queue = QueueSpec.named(broker.unique("retry-queue")).withAutoDelete(true)
                .withDeadLetterQueue(broker.unique("retry-dlx"), broker.unique("retry-dlq"));
        CountingProcessor processor = processor(queue, RetryPolicy.attempts(MAX_ATTEMPTS)
                .withBackoff(Duration.ofMillis(20), 2, Duration.ofMillis(100)), 10);
        int[] expectedHandled = IntStream.range(0, messages).filter(n -> failures(n) < MAX_ATTEMPTS).toArray();
        int[] expectedDead = IntStream.range(0, messages).filter(n -> failures(n) >= MAX_ATTEMPTS).toArray();

        long start = System.nanoTime();
        List<DeadLetter> deadLetters;
        try (DeadLetters raw = new DeadLetters(broker)) {
            try (RunningProcessors running = RunningProcessors.start(processor)) {
                raw.collect(queue.deadLetterQueue());
                raw.publish(exchange.name(), "retry", IntStream.range(0, messages).mapToObj(RetryTest::body).toList());
                raw.awaitAtLeast(expectedDead.length, Duration.ofSeconds(60));
                processor.awaitHandled(expectedHandled.length, Duration.ofSeconds(30));
                Thread.sleep(500); // a duplicate or a stray dead letter would show now
            } finally {
                raw.deleteDeadLetterQueueOf(queue);
            }
            deadLetters = raw.received();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        int lost = (int) IntStream.of(expectedHandled).filter(n -> processor.handledCount(n) == 0).count()
                + Math.max(0, expectedDead.length - deadLetters.size());
        int duplicates = IntStream.range(0, messages).map(n -> Math.max(0, processor.handledCount(n) - 1)).sum();
        int attempts = IntStream.range(0, messages).map(processor::attemptsAt).sum();
        System.out.printf("figures: retry messages=%d maxAttempts=%d handled=%d dead-lettered=%d attempts=%d lost=%d "
                + "duplicates=%d seconds=%.1f%n", messages, MAX_ATTEMPTS, processor.handled.size(), deadLetters.size(),
                attempts, lost, duplicates, seconds);

        assertThat(lost).isZero();
        assertThat(duplicates).isZero();
        for (int n : expectedHandled) {
            assertThat(processor.handledCount(n)).as("message %d handled", n).isEqualTo(1);
            assertThat(processor.attemptsAt(n)).as("attempts at message %d", n).isEqualTo(failures(n) + 1);
        }
        for (int n : expectedDead) {
            assertThat(processor.handledCount(n)).as("message %d never handled", n).isZero();
            assertThat(processor.attemptsAt(n)).as("attempts at message %d", n).isEqualTo(MAX_ATTEMPTS);
        }
        assertThat(deadLetters).hasSize(expectedDead.length).allSatisfy(letter -> {
            int n = ((Number) ((Map<?, ?>) CODEC.decode(letter.body()).content().get("parameters")).get("n")).intValue();
            assertThat(failures(n)).isGreaterThanOrEqualTo(MAX_ATTEMPTS);
            assertThat(letter.attempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(letter.reason()).startsWith("unmanaged exception handling")
                    .contains("IllegalStateException: failure " + MAX_ATTEMPTS + " of message " + n);
            assertThat(letter.headers()).containsEntry(DeadLetterHeaders.ORIGINAL_QUEUE, queue.name());
        });
    }

    @Test
    void retriesWaitingWhenTheProcessorStopsStayInTheRetryQueueAndAreHandledOnceByTheNext() throws Exception {
        int messages = 20;
        // Not auto-deleted, so that the queues outlive the first processor; deleted at the end.
        QueueSpec queue = QueueSpec.named(broker.unique("retry-queue"))
                .withDeadLetterQueue(broker.unique("retry-dlx"), broker.unique("retry-dlq"));
        CountingProcessor stopping = processor(queue, RetryPolicy.attempts(MAX_ATTEMPTS)
                .withBackoff(Duration.ofSeconds(5), 1, Duration.ofSeconds(5)), 1);
        // Its longest backoff also bounds how long it holds the retries the first one parked.
        CountingProcessor next = processor(queue, RetryPolicy.attempts(MAX_ATTEMPTS)
                .withBackoff(Duration.ofMillis(20), 1, Duration.ofMillis(20)), 1);

        try (DeadLetters raw = new DeadLetters(broker)) {
            try {
                try (RunningProcessors running = RunningProcessors.start(stopping)) {
                    raw.publish(exchange.name(), "retry", IntStream.range(0, messages)
                            .mapToObj(n -> CODEC.encode(Message.command("count", Map.of("n", n, "failures", 1))))
                            .toList());
                    stopping.awaitAttempted(messages, Duration.ofSeconds(20));
                }
                raw.collect(queue.deadLetterQueue());
                try (RunningProcessors running = RunningProcessors.start(next)) {
                    next.awaitHandled(messages, Duration.ofSeconds(30));
                    Thread.sleep(300);
                }
            } finally {
                raw.deleteQueue(queue.name());
                raw.deleteQueue(queue.name() + ".retry");
                raw.deleteDeadLetterQueueOf(queue);
            }
            System.out.printf("figures: retry-on-stop messages=%d prefetch=1 failed-before-stop=%d handled-after=%d "
                    + "dead-lettered=%d%n", messages, stopping.attempts.size(), next.handled.size(), raw.received().size());
            assertThat(stopping.attempts).as("every message failed once before the stop, though prefetch is 1: "
                    + "retries wait in the retry queue, not in the processor").hasSize(messages);
            assertThat(stopping.handled).as("nothing handled before the stop: every message waited for its retry")
                    .isEmpty();
            assertThat(IntStream.range(0, messages).map(next::handledCount)).as("each handled once after the stop")
                    .containsOnly(1).hasSize(messages);
            assertThat(raw.received()).as("nothing dead-lettered").isEmpty();
        }
    }

    private CountingProcessor processor(QueueSpec queue, RetryPolicy policy, int prefetch) {
        return new CountingProcessor(CountingProcessor.fingerprint("retry_receiver", broker),
                Eqk.builder().exchange(exchange).queue(queue, "retry").build(),
                ProcessorSettings.of(broker.config()).withPrefetch(prefetch).withRetryPolicy(policy));
    }

    private static int failures(int n) {
        return FAILURES.get(n % FAILURES.size());
    }

    private static byte[] body(int n) {
        return CODEC.encode(Message.command("count", Map.of("n", n, "failures", failures(n))));
    }
}
