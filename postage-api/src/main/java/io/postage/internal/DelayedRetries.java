package io.postage.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs retries when they are due on one virtual thread of their own. Closing it drops the retries not
 * run yet (their deliveries, unsettled, go back to their queue when the subscription closes) and waits
 * for the one running.
 */
final class DelayedRetries implements AutoCloseable {
    private final String name;
    private final Object lock = new Object();
    private ScheduledExecutorService executor;
    private boolean closed;

    /** @param name the thread's name */
    DelayedRetries(String name) {
        this.name = name;
    }

    /**
     * @param delay how long to wait
     * @param retry what to run then, unless closed meanwhile
     */
    void schedule(Duration delay, Runnable retry) {
        synchronized (lock) {
            if (closed) {
                return; // the delivery stays unsettled and goes back to its queue
            }
            if (executor == null) {
                executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(name).factory());
            }
            executor.schedule(() -> runUnlessClosed(retry), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void runUnlessClosed(Runnable retry) {
        synchronized (lock) {
            if (!closed) {
                retry.run();
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (executor != null) {
                executor.shutdownNow(); // no retry runs now: each runs under the lock
            }
        }
    }
}
