package io.postage.testkit.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.MessageProcessor;
import io.postage.MicroScheduler;
import java.time.Duration;

/**
 * Processors running in the default scheduler on a thread of their own, each started and consuming:
 * for tests that send to processors and watch what they do.
 *
 * {@snippet :
 * try (RunningProcessors running = RunningProcessors.start(new EchoProcessor(settings))) {
 *     producer.message("echo", "hi");
 * }
 * }
 */
public final class RunningProcessors implements AutoCloseable {
    /** How long starting, exiting or stopping may take before a test fails. */
    public static final Duration GENEROUS = Duration.ofSeconds(15);

    private final MicroScheduler scheduler;
    private final Thread thread;

    private RunningProcessors(MicroScheduler scheduler, Thread thread) {
        this.scheduler = scheduler;
        this.thread = thread;
    }

    /**
     * Starts the processors and waits until each is bound and consuming.
     *
     * @param processors the processors
     * @return them, running
     */
    public static RunningProcessors start(MessageProcessor... processors) {
        MicroScheduler scheduler = MicroScheduler.create();
        for (MessageProcessor processor : processors) {
            scheduler.add(processor);
        }
        RunningProcessors running = new RunningProcessors(scheduler,
                Thread.ofPlatform().name("kit-scheduler").start(scheduler::run));
        for (MessageProcessor processor : processors) {
            processor.awaitStarted(GENEROUS);
        }
        return running;
    }

    /**
     * Waits for the scheduler to exit by itself, as after a {@code quit}.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitExit() throws InterruptedException {
        assertThat(thread.join(GENEROUS)).as("the scheduler exited").isTrue();
    }

    /** Stops the scheduler and waits for its thread. */
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
