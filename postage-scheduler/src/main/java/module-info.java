/**
 * The {@link io.postage.MicroScheduler} implementations, found by {@link java.util.ServiceLoader}:
 * {@code virtual-threads} (the default: one virtual thread per microthread) and
 * {@code cooperative} (deterministic round robin on the caller's thread, as Postage 1.x).
 *
 * <p>Exports nothing: users reach the schedulers through {@code MicroScheduler.builder()}.
 */
module io.postage.scheduler {
    requires io.postage;

    provides io.postage.spi.SchedulerProvider
            with io.postage.scheduler.internal.VirtualThreadSchedulerProvider,
                    io.postage.scheduler.internal.CooperativeSchedulerProvider;
}
