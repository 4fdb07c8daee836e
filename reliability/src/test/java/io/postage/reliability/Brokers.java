package io.postage.reliability;

import io.postage.MessageProcessor;
import io.postage.MicroScheduler;
import io.postage.PostageConfig;
import io.postage.QueueSpec;
import io.postage.testkit.junit.BrokerInfo;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What the reliability tests share: configurations per transport, lasting queues, schedulers on a thread, waiting. */
final class Brokers {
    /** How long a test waits for something that normally takes a moment. */
    static final Duration GENEROUS = Duration.ofSeconds(20);

    private Brokers() {
    }

    /**
     * @param broker the broker
     * @param transport {@code amqp091} or {@code amqp10}
     * @return a configuration that reaches it over that transport
     */
    static PostageConfig config(BrokerInfo broker, String transport) {
        return PostageConfig.builder().uri(broker.uri091()).transport(transport).build();
    }

    /**
     * @param broker the broker
     * @param prefix the queue name's prefix
     * @return a named queue that outlives its consumers (so a test can count what is left in it) and, on
     *     RabbitMQ, expires a minute after its last use; Qpid Broker-J takes no queue arguments and goes with the JVM
     */
    static QueueSpec lastingQueue(BrokerInfo broker, String prefix) {
        QueueSpec queue = QueueSpec.named(broker.unique(prefix));
        return broker.isRabbitMq() ? queue.withArguments(Map.of("x-expires", 60_000)) : queue;
    }

    /**
     * Runs processors in a new scheduler on a platform thread of their own, and waits until they consume.
     *
     * @param schedulerId {@code virtual-threads} or {@code cooperative}
     * @param processors the processors
     * @return the scheduler and its thread, which ends when the scheduler exits (auto-quit is on)
     */
    static Running run(String schedulerId, MessageProcessor... processors) {
        return run(MicroScheduler.builder().scheduler(schedulerId).build(), processors);
    }

    /**
     * Runs processors in a scheduler on a platform thread of their own, and waits until they consume.
     *
     * @param scheduler the scheduler, not run yet
     * @param processors the processors
     * @return the scheduler and its thread
     */
    static Running run(MicroScheduler scheduler, MessageProcessor... processors) {
        for (MessageProcessor processor : processors) {
            scheduler.add(processor);
        }
        Thread thread = Thread.ofPlatform().name("reliability-scheduler").start(scheduler::run);
        for (MessageProcessor processor : processors) {
            processor.awaitStarted(GENEROUS);
        }
        return new Running(scheduler, thread);
    }

    /**
     * A scheduler running on a thread of its own.
     *
     * @param scheduler the scheduler
     * @param thread the thread in its {@code run()}
     */
    record Running(MicroScheduler scheduler, Thread thread) {
        /**
         * @return whether the scheduler exited within {@link #GENEROUS}
         * @throws InterruptedException if interrupted
         */
        boolean exited() throws InterruptedException {
            return thread.join(GENEROUS);
        }
    }

    /**
     * Polls a condition every 10 ms.
     *
     * @param condition what to wait for
     * @param timeout how long at most
     * @return whether it holds
     * @throws InterruptedException if interrupted
     */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
