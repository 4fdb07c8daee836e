package io.postage.spi;

import io.postage.MicroScheduler;

/** Creates {@link MicroScheduler}s. Registered as a service; selected by {@link #id()}. */
public interface SchedulerProvider {

    /** @return the stable id, such as {@code virtual-threads} or {@code cooperative} */
    String id();

    /**
     * @param settings how the scheduler behaves
     * @return a new, empty scheduler
     */
    MicroScheduler create(SchedulerSettings settings);
}
