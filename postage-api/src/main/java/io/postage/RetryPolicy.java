package io.postage;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a {@link MessageProcessor} tries a message whose handler throws an unmanaged exception,
 * and how long it waits between tries: the first retry after {@code initialBackoff}, each next one
 * {@code multiplier} times later, never more than {@code maxBackoff} apart. After {@code maxAttempts}
 * attempts the message is dead-lettered (see {@link QueueSpec#withDeadLetterQueue()}) with the reason
 * in its headers ({@link DeadLetterHeaders}). While it waits, a retry is a copy of the message in the
 * queue's retry queue {@code <queue>.retry}, which the processor declares and consumes (with the
 * queue's flags) when its policy allows retries; the copy is stored before the original is
 * acknowledged, so a crash loses nothing, and the queue's next messages are not held back. When due it
 * goes back to the tail of its queue.
 *
 * {@snippet :
 * ProcessorSettings settings = ProcessorSettings.fromEnvironment()
 *         .withRetryPolicy(RetryPolicy.attempts(5).withBackoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(10)));
 * }
 *
 * <p>{@link RejectMessage}, an undecodable body and a failed RPC handler (already answered with an
 * exception result) are never retried.
 *
 * @param maxAttempts how many times a message is handled at most, at least 1 (1 = no retry)
 * @param initialBackoff the wait before the first retry, not negative
 * @param multiplier how much longer each next wait is, at least 1
 * @param maxBackoff the longest wait, at least {@code initialBackoff}
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    /** One attempt, no retry: Postage 1.x's behaviour and the default. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);

    /** Checks the values. */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative, not " + initialBackoff);
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1, not " + multiplier);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff ("
                    + initialBackoff + ")");
        }
    }

    /**
     * @param maxAttempts how many times a message is handled at most, at least 1
     * @return that many attempts, the first retry after 1 s, doubling up to 30 s
     */
    public static RetryPolicy attempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofSeconds(1), 2, Duration.ofSeconds(30));
    }

    /**
     * @param initial the wait before the first retry
     * @param multiplier how much longer each next wait is, at least 1
     * @param max the longest wait
     * @return a copy with that exponential backoff
     */
    public RetryPolicy withBackoff(Duration initial, double multiplier, Duration max) {
        return new RetryPolicy(maxAttempts, initial, multiplier, max);
    }

    /**
     * @param failedAttempts how many attempts failed so far, at least 1
     * @return how long to wait before the next attempt
     */
    public Duration backoff(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, not " + failedAttempts);
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /**
     * @param failedAttempts how many attempts failed so far
     * @return whether another attempt is allowed
     */
    public boolean allowsRetryAfter(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }
}
