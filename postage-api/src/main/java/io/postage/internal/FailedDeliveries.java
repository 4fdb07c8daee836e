package io.postage.internal;

import io.postage.DeadLetterHeaders;
import io.postage.RetryPolicy;
import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.Transport;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settles the deliveries a processor could not handle. A failed one that its {@link RetryPolicy} allows
 * to try again is <em>parked</em>: a copy with the attempt count and the time it is due
 * ({@link DeadLetterHeaders#ATTEMPTS}, {@link DeadLetterHeaders#RETRY_AT}) goes to the queue's retry
 * queue, and the original is acknowledged, so the queue's next deliveries are not held back; the retry
 * queue's consumer ({@link #unpark}) holds each copy until it is due and moves it back to its queue. The
 * rest are dead-lettered: a copy with the reason, attempts and queue in {@link DeadLetterHeaders} goes to
 * the queue's dead-letter exchange, then the original is acknowledged. Copies are confirmed by the broker
 * before the original is acknowledged, where the transport can confirm. A queue without a dead-letter
 * exchange, or a copy the broker did not take, gets the original rejected without requeue. Each outcome
 * is logged once.
 */
public final class FailedDeliveries implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.postage.MessageProcessor");
    private static final int MAX_REASON_LENGTH = 1000;

    private final String owner;
    private final SafePublisher publisher;
    private final RetryPolicy policy;
    private final Function<String, Optional<String>> deadLetterExchanges;
    private final Function<String, Optional<String>> retryQueues;
    private final DelayedRetries retries;

    /**
     * @param owner the processor, as the log names it
     * @param transport where copies are published
     * @param policy how often a failed message is tried
     * @param deadLetterExchanges a queue's dead-letter exchange, by queue name
     * @param retryQueues a queue's retry queue, by queue name
     */
    public FailedDeliveries(String owner, Transport transport, RetryPolicy policy,
            Function<String, Optional<String>> deadLetterExchanges, Function<String, Optional<String>> retryQueues) {
        this.owner = owner;
        this.publisher = new SafePublisher(transport);
        this.policy = policy;
        this.deadLetterExchanges = deadLetterExchanges;
        this.retryQueues = retryQueues;
        this.retries = new DelayedRetries("postage-retry-" + owner);
    }

    /**
     * Parks the delivery in its queue's retry queue if the policy allows another attempt, else
     * dead-letters it.
     *
     * @param delivery a delivery whose handler failed
     * @param reason why, a sentence
     * @param cause the handler's exception
     */
    public void retryOrDeadLetter(Delivery delivery, String reason, Throwable cause) {
        int attempt = attemptsBefore(delivery) + 1;
        Optional<String> retryQueue = retryQueues.apply(delivery.queue());
        if (!policy.allowsRetryAfter(attempt) || retryQueue.isEmpty()) {
            deadLetter(delivery, attempt, reason, cause);
            return;
        }
        Duration backoff = policy.backoff(attempt);
        Map<String, Object> headers = new HashMap<>(delivery.properties().headers());
        headers.remove(DeadLetterHeaders.REASON);
        headers.remove(DeadLetterHeaders.ORIGINAL_QUEUE);
        headers.put(DeadLetterHeaders.ATTEMPTS, attempt);
        headers.put(DeadLetterHeaders.RETRY_AT, System.currentTimeMillis() + backoff.toMillis());
        try {
            publisher.publish("", retryQueue.get(), copy(delivery, headers));
        } catch (RuntimeException e) {
            deadLetter(delivery, attempt, reason + "; then its retry could not be parked: " + e.getMessage(), cause);
            return;
        }
        LOG.log(Level.INFO, "{0}: attempt {1} of {2} at a message from queue {3} failed ({4}); retrying in {5} ms",
                owner, attempt, policy.maxAttempts(), delivery.queue(), reason, backoff.toMillis());
        settle(delivery, true);
    }

    /**
     * Handles a delivery of a retry queue: holds it until it is due (at most the policy's longest
     * backoff), then moves it back to its queue. Closing drops the waiting ones, unsettled: they stay in
     * the retry queue for the next run.
     *
     * @param parked a delivery of a retry queue
     * @param queue the queue it goes back to
     */
    public void unpark(Delivery parked, String queue) {
        long wait = parked.properties().headers().get(DeadLetterHeaders.RETRY_AT) instanceof Number due
                ? Math.clamp(due.longValue() - System.currentTimeMillis(), 0, policy.maxBackoff().toMillis()) : 0;
        retries.schedule(Duration.ofMillis(wait), () -> moveBack(parked, queue));
    }

    /**
     * Dead-letters the delivery at once, whatever the policy.
     *
     * @param delivery a delivery that cannot or must not be handled
     * @param reason why, a sentence
     * @param cause the exception to log with it, or null for none (an expected refusal)
     */
    public void deadLetter(Delivery delivery, String reason, Throwable cause) {
        deadLetter(delivery, attemptsBefore(delivery) + 1, reason, cause);
    }

    /** Drops the retries not due yet: they stay in their retry queues, unsettled, for the next run. */
    @Override
    public void close() {
        retries.close();
    }

    private void moveBack(Delivery parked, String queue) {
        Map<String, Object> headers = new HashMap<>(parked.properties().headers());
        headers.remove(DeadLetterHeaders.RETRY_AT);
        try {
            publisher.publish("", queue, copy(parked, headers));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "{0} could not move a retry from queue {1} back to queue {2} ({3}); it stays in "
                    + "{1} until the processor closes, and is tried on the next run", owner, parked.queue(), queue,
                    e.getMessage());
            return;
        }
        settle(parked, true);
    }

    private void deadLetter(Delivery delivery, int attempts, String reason, Throwable cause) {
        String why = reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "...";
        Level level = cause == null ? Level.WARNING : Level.ERROR;
        Optional<String> exchange = deadLetterExchanges.apply(delivery.queue());
        if (exchange.isEmpty()) {
            LOG.log(level, owner + " rejected a message from queue " + delivery.queue() + " without requeue after "
                    + attempts + " attempt(s): " + why, cause);
            settle(delivery, false);
            return;
        }
        Map<String, Object> headers = new HashMap<>(delivery.properties().headers());
        headers.put(DeadLetterHeaders.REASON, why);
        headers.put(DeadLetterHeaders.ATTEMPTS, attempts);
        headers.put(DeadLetterHeaders.ORIGINAL_QUEUE, delivery.queue());
        try {
            publisher.publish(exchange.get(), delivery.queue(), copy(delivery, headers));
        } catch (RuntimeException e) {
            LOG.log(level, owner + " could not dead-letter a message from queue " + delivery.queue() + " to exchange "
                    + exchange.get() + " (" + e.getMessage() + "); rejected it without requeue for the broker to "
                    + "dead-letter without a reason, after " + attempts + " attempt(s): " + why, cause);
            settle(delivery, false);
            return;
        }
        LOG.log(level, owner + " dead-lettered a message from queue " + delivery.queue() + " to exchange "
                + exchange.get() + " after " + attempts + " attempt(s): " + why, cause);
        settle(delivery, true);
    }

    /** Acks or rejects without requeue; a delivery the transport cannot settle any more is back in its queue. */
    private void settle(Delivery delivery, boolean ack) {
        try {
            if (ack) {
                delivery.ack();
            } else {
                delivery.reject(false);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "{0}: a failed message from queue {1} could not be settled ({2}); the broker "
                    + "delivers it again", owner, delivery.queue(), e.getMessage());
        }
    }

    private static OutgoingMessage copy(Delivery delivery, Map<String, Object> headers) {
        MessageProperties properties = delivery.properties().withHeaders(headers);
        return new OutgoingMessage(delivery.body(), properties);
    }

    /**
     * @return the attempts counted on a retry copy; 0 for a first delivery and for a dead letter sent
     *     back to its queue, which starts afresh
     */
    static int attemptsBefore(Delivery delivery) {
        Map<String, Object> headers = delivery.properties().headers();
        if (headers.containsKey(DeadLetterHeaders.REASON)) {
            return 0;
        }
        Object attempts = headers.get(DeadLetterHeaders.ATTEMPTS);
        long count;
        if (attempts instanceof Number number) {
            count = number.longValue();
        } else if (attempts instanceof String text && text.matches("\\d{1,9}")) {
            count = Long.parseLong(text);
        } else {
            count = 0;
        }
        return (int) Math.max(0, Math.min(count, Integer.MAX_VALUE - 1));
    }
}
