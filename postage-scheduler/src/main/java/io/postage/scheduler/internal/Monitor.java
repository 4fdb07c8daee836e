package io.postage.scheduler.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A lock guarding a scheduler's state and the one condition signalled whenever that state changes.
 * A {@link ReentrantLock} rather than {@code synchronized}, so a virtual thread waiting here does not
 * pin its carrier on Java 21.
 */
final class Monitor {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /** Takes the lock; pair with {@link #unlock()} in a {@code finally}. */
    void lock() {
        lock.lock();
    }

    /** Releases the lock. */
    void unlock() {
        lock.unlock();
    }

    /** Wakes every waiter to check its condition again; hold the lock. */
    void signalAll() {
        changed.signalAll();
    }

    /**
     * Waits, holding the lock, until {@code done} holds or the timeout passes. An interrupt ends the
     * wait early and stays set on the thread.
     *
     * @param done checked under the lock after each signal
     * @param timeout how long to wait at most
     * @return whether {@code done} holds
     */
    boolean await(BooleanSupplier done, Duration timeout) {
        long nanos = TimeUnit.NANOSECONDS.convert(timeout);
        try {
            while (!done.getAsBoolean() && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return done.getAsBoolean();
    }
}
