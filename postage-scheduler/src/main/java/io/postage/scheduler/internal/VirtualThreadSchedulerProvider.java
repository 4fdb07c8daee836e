package io.postage.scheduler.internal;

import io.postage.MicroScheduler;
import io.postage.spi.SchedulerProvider;
import io.postage.spi.SchedulerSettings;

/** Provides the default scheduler, id {@code virtual-threads}: one virtual thread per microthread. */
public final class VirtualThreadSchedulerProvider implements SchedulerProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public VirtualThreadSchedulerProvider() {
    }

    @Override
    public String id() {
        return "virtual-threads";
    }

    @Override
    public MicroScheduler create(SchedulerSettings settings) {
        return new VirtualThreadScheduler(settings);
    }
}
