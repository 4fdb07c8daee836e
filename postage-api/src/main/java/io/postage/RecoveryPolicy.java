package io.postage;

import java.time.Duration;
import java.util.Objects;

/**
 * How a component reconnects after losing its connection (a broker restart, a connection closed by an
 * operator, a network cut): attempts to reconnect start after {@code initialDelay}, and the pause doubles
 * after each failed attempt, up to {@code maxDelay}; attempts go on until the broker is back or the
 * component is closed. Meanwhile each operation (publish, declaration, ...) waits up to
 * {@code operationWait} for the connection to come back, then fails with a {@link TransportException}.
 *
 * {@snippet :
 * PostageConfig config = PostageConfig.fromEnvironment().toBuilder()
 *         .recovery(new RecoveryPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30)))
 *         .build();
 * }
 *
 * @param initialDelay the pause before the first attempt to reconnect; at least 1 ms
 * @param maxDelay the longest pause between two attempts; not below {@code initialDelay}
 * @param operationWait how long an operation waits for a lost connection to come back; not negative
 */
public record RecoveryPolicy(Duration initialDelay, Duration maxDelay, Duration operationWait) {

    /** The defaults: first attempt after 100 ms, then 200 ms, 400 ms, ... up to 5 s; operations wait 10 s. */
    public static final RecoveryPolicy DEFAULT = new RecoveryPolicy(Duration.ofMillis(100), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    /**
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public RecoveryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(operationWait, "operationWait");
        if (initialDelay.toMillis() < 1) {
            throw new IllegalArgumentException("the recovery's initial delay must be at least 1 ms, not " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("the recovery's maximum delay (" + maxDelay
                    + ") must not be below its initial delay (" + initialDelay + ")");
        }
        if (operationWait.isNegative()) {
            throw new IllegalArgumentException("the recovery's operation wait must not be negative, not " + operationWait);
        }
    }

    /**
     * @param attempt the attempt to reconnect, from 0
     * @return the pause before it: {@code initialDelay * 2^attempt}, at most {@code maxDelay}
     */
    public Duration delayBefore(int attempt) {
        long max = maxDelay.toMillis();
        long delay = initialDelay.toMillis();
        for (int i = 0; i < attempt && delay < max; i++) {
            delay *= 2;
        }
        return Duration.ofMillis(Math.min(delay, max));
    }
}
