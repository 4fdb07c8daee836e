package io.postage.benchmarks.e2e;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The publisher confirms a fire-and-forget producer waits for, pipelined the same way on the Postage and
 * the raw side: at most {@value #WINDOW} publishes not yet confirmed, the producer thread waiting before
 * the next publish when the window is full, and the confirms arriving asynchronously on the client's threads.
 */
final class Confirms {
    /** Publishes sent and not yet confirmed, at most. */
    static final int WINDOW = 1_000;
    private static final long LOST_AFTER_SECONDS = 30;

    private final Semaphore unconfirmed = new Semaphore(WINDOW);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * Called before each confirmed publish: waits for a free place in the window.
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if a publish failed or confirms stopped coming
     */
    void beforePublish() throws InterruptedException {
        await(1);
    }

    /**
     * @param publishes how many publishes the broker confirmed
     */
    void confirmed(int publishes) {
        unconfirmed.release(publishes);
    }

    /**
     * @param cause why the broker did not confirm
     * @param publishes how many publishes it concerns
     */
    void failed(Throwable cause, int publishes) {
        failure.compareAndSet(null, cause);
        unconfirmed.release(publishes);
    }

    /**
     * The outcome of one publish, as a {@code CompletableFuture}'s {@code whenComplete} reports it.
     *
     * @param ignored the future's value
     * @param error why it failed, or {@code null}
     */
    void completed(Object ignored, Throwable error) {
        if (error == null) {
            confirmed(1);
        } else {
            failed(error, 1);
        }
    }

    /**
     * Waits until every publish is confirmed.
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if a publish failed or confirms stopped coming
     */
    void awaitAll() throws InterruptedException {
        await(WINDOW);
        unconfirmed.release(WINDOW);
    }

    private void await(int permits) throws InterruptedException {
        if (!unconfirmed.tryAcquire(permits, LOST_AFTER_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Confirms did not come within " + LOST_AFTER_SECONDS + " s");
        }
        Throwable cause = failure.get();
        if (cause != null) {
            unconfirmed.release(permits);
            throw new IllegalStateException("A publish was not confirmed: " + cause.getMessage(), cause);
        }
    }
}
