package io.postage.scheduler.internal;

/** Where a scheduler is in its single run: a scheduler runs once, like a thread. */
enum Phase {
    /** {@code run()} not called yet; microthreads are only collected. */
    NEW,
    /** {@code run()} is executing. */
    RUNNING,
    /** {@code run()} has returned, or the scheduler was closed before it ran. */
    FINISHED;

    /**
     * @return {@link #RUNNING}
     * @throws IllegalStateException unless this is {@link #NEW}
     */
    Phase start() {
        return switch (this) {
            case NEW -> RUNNING;
            case RUNNING -> throw new IllegalStateException(
                    "run() is already executing; a MicroScheduler runs once");
            case FINISHED -> throw new IllegalStateException(
                    "This MicroScheduler has already run or was closed; build a new one to run again");
        };
    }
}
