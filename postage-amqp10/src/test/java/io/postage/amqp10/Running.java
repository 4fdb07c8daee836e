package io.postage.amqp10;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.MessageProcessor;
import io.postage.MicroScheduler;
import java.time.Duration;

/** Processors running in a virtual-thread scheduler on a background thread, started and ready to receive. */
final class Running implements AutoCloseable {
    static final Duration GENEROUS = Duration.ofSeconds(15);

    private final MicroScheduler scheduler;
    private final Thread thread;

    private Running(MicroScheduler scheduler, Thread thread) {
        this.scheduler = scheduler;
        this.thread = thread;
    }

    /** Starts the processors and waits until each is bound and consuming. */
    static Running start(MessageProcessor... processors) {
        MicroScheduler scheduler = MicroScheduler.create();
        for (MessageProcessor processor : processors) {
            scheduler.add(processor);
        }
        Running running = new Running(scheduler, Thread.ofPlatform().name("test-scheduler").start(scheduler::run));
        for (MessageProcessor processor : processors) {
            processor.awaitStarted(GENEROUS);
        }
        return running;
    }

    @Override
    public void close() {
        scheduler.close();
        try {
            assertThat(thread.join(GENEROUS)).as("the scheduler stopped").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while stopping the scheduler", e);
        }
    }
}
