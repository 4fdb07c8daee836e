package io.postage.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link io.postage.MicroScheduler} behaves.
 *
 * @param autoQuit whether {@code run()} returns as soon as no microthread is left
 * @param shutdownTimeout how long {@code run()} waits, once asked to exit, for microthreads to
 *     finish their current step before it interrupts them and returns
 */
public record SchedulerSettings(boolean autoQuit, Duration shutdownTimeout) {

    /** Auto-quit on, 10 seconds to shut down. */
    public static final SchedulerSettings DEFAULT = new SchedulerSettings(true, Duration.ofSeconds(10));

    /** Checks the timeout. */
    public SchedulerSettings {
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative: " + shutdownTimeout);
        }
    }
}
