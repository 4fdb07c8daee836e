package io.postage;

import io.postage.spi.DecodeLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link MessageProcessor} connects and consumes: the configuration, the prefetch (how many
 * unacknowledged messages the broker may hand it at once; 1 by default, as in Postage 1.x), the
 * decoding limits, the shutdown timeout and the retry policy for messages whose handler fails (none by
 * default).
 *
 * @param config where to connect, which transport and codec
 * @param prefetch unacknowledged deliveries allowed per queue, at least 1
 * @param decodeLimits the largest and deepest body accepted
 * @param shutdownTimeout how long {@link MessageProcessor#close()} waits for the handler at work to finish
 *     before it gives its message back to the queue (default {@link #DEFAULT_SHUTDOWN_TIMEOUT}); not negative
 * @param retryPolicy how often a message whose handler throws is tried
 */
public record ProcessorSettings(PostageConfig config, int prefetch, DecodeLimits decodeLimits,
        Duration shutdownTimeout, RetryPolicy retryPolicy) {

    /** How long closing waits for the handler at work unless set: 10 s, as the scheduler's shutdown timeout. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    /** Checks the values. */
    public ProcessorSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(decodeLimits, "decodeLimits");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, not " + prefetch);
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative, not " + shutdownTimeout);
        }
    }

    /**
     * Settings without retries.
     *
     * @param config where to connect, which transport and codec
     * @param prefetch unacknowledged deliveries allowed per queue, at least 1
     * @param decodeLimits the largest and deepest body accepted
     * @param shutdownTimeout how long closing waits for the handler at work; not negative
     */
    public ProcessorSettings(PostageConfig config, int prefetch, DecodeLimits decodeLimits, Duration shutdownTimeout) {
        this(config, prefetch, decodeLimits, shutdownTimeout, RetryPolicy.NONE);
    }

    /** @return the environment's configuration, prefetch 1, default decode limits and shutdown timeout, no retry */
    public static ProcessorSettings fromEnvironment() {
        return of(PostageConfig.fromEnvironment());
    }

    /**
     * @param config where to connect
     * @return that configuration, prefetch 1, default decode limits and shutdown timeout, no retry
     */
    public static ProcessorSettings of(PostageConfig config) {
        return new ProcessorSettings(config, 1, DecodeLimits.DEFAULT, DEFAULT_SHUTDOWN_TIMEOUT, RetryPolicy.NONE);
    }

    /**
     * @param prefetch unacknowledged deliveries allowed per queue
     * @return a copy with that prefetch
     */
    public ProcessorSettings withPrefetch(int prefetch) {
        return new ProcessorSettings(config, prefetch, decodeLimits, shutdownTimeout, retryPolicy);
    }

    /**
     * @param decodeLimits the largest and deepest body accepted
     * @return a copy with those limits
     */
    public ProcessorSettings withDecodeLimits(DecodeLimits decodeLimits) {
        return new ProcessorSettings(config, prefetch, decodeLimits, shutdownTimeout, retryPolicy);
    }

    /**
     * @param shutdownTimeout how long closing waits for the handler at work before giving its message back
     * @return a copy with that timeout
     */
    public ProcessorSettings withShutdownTimeout(Duration shutdownTimeout) {
        return new ProcessorSettings(config, prefetch, decodeLimits, shutdownTimeout, retryPolicy);
    }

    /**
     * @param retryPolicy how often a message whose handler throws is tried
     * @return a copy with that policy
     */
    public ProcessorSettings withRetryPolicy(RetryPolicy retryPolicy) {
        return new ProcessorSettings(config, prefetch, decodeLimits, shutdownTimeout, retryPolicy);
    }
}
