package io.postage.scheduler.internal;

import io.postage.MicroScheduler;
import io.postage.spi.SchedulerProvider;
import io.postage.spi.SchedulerSettings;

/** Provides the scheduler with id {@code cooperative}: deterministic round robin on the caller's thread. */
public final class CooperativeSchedulerProvider implements SchedulerProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public CooperativeSchedulerProvider() {
    }

    @Override
    public String id() {
        return "cooperative";
    }

    @Override
    public MicroScheduler create(SchedulerSettings settings) {
        return new CooperativeScheduler(settings);
    }
}
