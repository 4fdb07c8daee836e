package io.postage.testkit.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.DeadLetterHeaders;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.RetryPolicy;
import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Poison messages and retries through a processor: a failing handler is retried as the
 * {@link RetryPolicy} says, then dead-lettered with the reason, the attempts and the queue in headers
 * (published by Postage to the queue's dead-letter exchange); an undecodable body and a rejected message go
 * there at once; a retry waiting for its backoff does not hold back the other deliveries.
 */
@SuppressWarnings("try") // running processors are scoped with try-with-resources without being named
abstract class PoisonBehaviours extends KitBehaviours {
    private static final RetryPolicy THREE_QUICK_ATTEMPTS =
            RetryPolicy.attempts(3).withBackoff(Duration.ofMillis(50), 2, Duration.ofMillis(200));

    private Exchange exchange;
    private QueueSpec queue;
    private Inbox deadLetters;

    /**
     * @return a processor of one queue bound with key {@code kit} that dead-letters to an exchange of the
     *     test's, whose messages {@link #deadLetters} collects
     */
    private RetryingProcessor processor(RetryPolicy policy, int prefetch) {
        exchange = exchange(ExchangeType.DIRECT);
        Exchange deadLetterExchange = exchange(ExchangeType.FANOUT);
        deadLetters = everythingFrom(deadLetterExchange);
        queue = QueueSpec.named(unique("queue")).withAutoDelete(true).withDeadLetterExchange(deadLetterExchange.name());
        return new RetryingProcessor(fingerprint("kit_retrying", "controller"),
                Eqk.builder().exchange(exchange).queue(queue, "kit").build(),
                ProcessorSettings.of(kit().config()).withPrefetch(prefetch).withRetryPolicy(policy));
    }

    private Producer producer() {
        return Producer.builder(fingerprint("kit_producer", "application")).config(kit().config())
                .eks(exchange, "kit").build();
    }

    private static int attemptsOf(Delivery deadLetter) {
        return ((Number) deadLetter.properties().headers().get(DeadLetterHeaders.ATTEMPTS)).intValue();
    }

    private static String reasonOf(Delivery deadLetter) {
        return (String) deadLetter.properties().headers().get(DeadLetterHeaders.REASON);
    }

    @Test
    void aHandlerThatFailsTwiceIsHandledOnItsThirdAttempt() throws Exception {
        RetryingProcessor processor = processor(THREE_QUICK_ATTEMPTS, 1);
        try (RunningProcessors running = RunningProcessors.start(processor); Producer producer = producer()) {
            Inbox dead = deadLetters;
            producer.message("flaky", Map.of("id", "twice", "failures", 2));

            assertThat(next(processor)).isEqualTo("twice");
            assertThat(processor.attemptsAt("twice")).isEqualTo(3);
            dead.expectNothing();
        }
    }

    @Test
    void aHandlerThatAlwaysFailsIsDeadLetteredAfterMaxAttemptsWithReasonAttemptsAndQueue() throws Exception {
        RetryingProcessor processor = processor(THREE_QUICK_ATTEMPTS, 1);
        try (RunningProcessors running = RunningProcessors.start(processor); Producer producer = producer()) {
            Inbox dead = deadLetters;
            producer.message("broken", "always");

            Delivery deadLetter = dead.next();
            assertThat(TransportFixture.CODEC.decode(deadLetter.body()).name()).isEqualTo("broken");
            assertThat(attemptsOf(deadLetter)).isEqualTo(3);
            assertThat(reasonOf(deadLetter)).contains("IllegalStateException").contains("broken handler, attempt 3");
            assertThat(deadLetter.properties().headers()).containsEntry(DeadLetterHeaders.ORIGINAL_QUEUE,
                    processor.queueName(queue));
            assertThat(processor.attemptsAt("always")).isEqualTo(3);
            dead.expectNothing();
        }
    }

    @Test
    void anUndecodableBodyIsDeadLetteredAtOnceWithItsReasonAndTheProcessorGoesOn() throws Exception {
        RetryingProcessor processor = processor(THREE_QUICK_ATTEMPTS, 1);
        try (RunningProcessors running = RunningProcessors.start(processor); Producer producer = producer()) {
            Inbox dead = deadLetters;
            transport().publish(exchange.name(), "kit", new OutgoingMessage(
                    "{\"type\": \"command\", truncated".getBytes(StandardCharsets.UTF_8),
                    MessageProperties.of("application/json")));
            producer.message("record", "after");

            assertThat(next(processor)).isEqualTo("after");
            Delivery deadLetter = dead.next();
            assertThat(new String(deadLetter.body(), StandardCharsets.UTF_8)).isEqualTo("{\"type\": \"command\", truncated");
            assertThat(reasonOf(deadLetter)).startsWith("undecodable body (NOT_JSON)");
            assertThat(attemptsOf(deadLetter)).isEqualTo(1);
            dead.expectNothing();
        }
    }

    @Test
    void aRejectedMessageIsDeadLetteredAtOnceWhateverTheRetryPolicy() throws Exception {
        RetryingProcessor processor = processor(THREE_QUICK_ATTEMPTS, 1);
        try (RunningProcessors running = RunningProcessors.start(processor); Producer producer = producer()) {
            Inbox dead = deadLetters;
            producer.message("refuse", "once");

            Delivery deadLetter = dead.next();
            assertThat(reasonOf(deadLetter)).isEqualTo("rejected by a handler: refused on purpose");
            assertThat(attemptsOf(deadLetter)).isEqualTo(1);
            assertThat(processor.attemptsAt("once")).isEqualTo(1);
        }
    }

    @Test
    void aRetryWaitingForItsBackoffDoesNotHoldBackTheOtherDeliveriesEvenWithPrefetchOne() throws Exception {
        RetryingProcessor processor = processor(
                RetryPolicy.attempts(2).withBackoff(Duration.ofSeconds(2), 1, Duration.ofSeconds(2)), 1);
        try (RunningProcessors running = RunningProcessors.start(processor); Producer producer = producer()) {
            producer.message("flaky", Map.of("id", "late", "failures", 1));
            for (int i = 0; i < 3; i++) {
                producer.message("record", i);
            }

            List<Object> order = List.of(next(processor), next(processor), next(processor), next(processor));
            assertThat(order).containsExactly(0, 1, 2, "late");
        }
    }

    private static Object next(RetryingProcessor processor) throws InterruptedException {
        Object recorded = processor.recorded.poll(Inbox.ARRIVAL.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(recorded).as("a recorded message").isNotNull();
        return recorded;
    }
}
