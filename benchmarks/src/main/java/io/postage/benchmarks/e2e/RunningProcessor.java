package io.postage.benchmarks.e2e;

import io.postage.MessageProcessor;
import io.postage.MicroScheduler;
import java.time.Duration;

/** A processor running in the default (virtual-thread) scheduler, bound and consuming. */
final class RunningProcessor implements AutoCloseable {
    private static final Duration GENEROUS = Duration.ofSeconds(15);

    private final MicroScheduler scheduler;
    private final Thread thread;

    private RunningProcessor(MicroScheduler scheduler, Thread thread) {
        this.scheduler = scheduler;
        this.thread = thread;
    }

    /**
     * @param processor the processor
     * @return it running, once it has declared, bound and started consuming
     */
    static RunningProcessor start(MessageProcessor processor) {
        MicroScheduler scheduler = MicroScheduler.create();
        scheduler.add(processor);
        RunningProcessor running = new RunningProcessor(scheduler,
                Thread.ofPlatform().name("bench-scheduler").start(scheduler::run));
        try {
            processor.awaitStarted(GENEROUS);
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    /** Stops the scheduler, which closes the processor. */
    @Override
    public void close() {
        scheduler.close();
        try {
            thread.join(GENEROUS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
