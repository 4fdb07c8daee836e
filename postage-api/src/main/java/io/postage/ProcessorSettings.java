package io.postage;

import io.postage.spi.DecodeLimits;
import java.util.Objects;

/**
 * How a {@link MessageProcessor} connects and consumes: the configuration, the prefetch (how many
 * unacknowledged messages the broker may hand it at once; 1 by default, as in Postage 1.x), the
 * decoding limits and the retry policy for messages whose handler fails (none by default).
 *
 * @param config where to connect, which transport and codec
 * @param prefetch unacknowledged deliveries allowed per queue, at least 1
 * @param decodeLimits the largest and deepest body accepted
 * @param retryPolicy how often a message whose handler throws is tried
 */
public record ProcessorSettings(PostageConfig config, int prefetch, DecodeLimits decodeLimits, RetryPolicy retryPolicy) {

    /** Checks the values. */
    public ProcessorSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(decodeLimits, "decodeLimits");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, not " + prefetch);
        }
    }

    /**
     * Settings without retries.
     *
     * @param config where to connect, which transport and codec
     * @param prefetch unacknowledged deliveries allowed per queue, at least 1
     * @param decodeLimits the largest and deepest body accepted
     */
    public ProcessorSettings(PostageConfig config, int prefetch, DecodeLimits decodeLimits) {
        this(config, prefetch, decodeLimits, RetryPolicy.NONE);
    }

    /** @return the environment's configuration, prefetch 1, default decode limits, no retry */
    public static ProcessorSettings fromEnvironment() {
        return of(PostageConfig.fromEnvironment());
    }

    /**
     * @param config where to connect
     * @return that configuration, prefetch 1, default decode limits, no retry
     */
    public static ProcessorSettings of(PostageConfig config) {
        return new ProcessorSettings(config, 1, DecodeLimits.DEFAULT);
    }

    /**
     * @param prefetch unacknowledged deliveries allowed per queue
     * @return a copy with that prefetch
     */
    public ProcessorSettings withPrefetch(int prefetch) {
        return new ProcessorSettings(config, prefetch, decodeLimits, retryPolicy);
    }

    /**
     * @param decodeLimits the largest and deepest body accepted
     * @return a copy with those limits
     */
    public ProcessorSettings withDecodeLimits(DecodeLimits decodeLimits) {
        return new ProcessorSettings(config, prefetch, decodeLimits, retryPolicy);
    }

    /**
     * @param retryPolicy how often a message whose handler throws is tried
     * @return a copy with that policy
     */
    public ProcessorSettings withRetryPolicy(RetryPolicy retryPolicy) {
        return new ProcessorSettings(config, prefetch, decodeLimits, retryPolicy);
    }
}
