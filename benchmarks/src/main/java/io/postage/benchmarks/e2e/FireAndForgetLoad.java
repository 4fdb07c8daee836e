package io.postage.benchmarks.e2e;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One producer thread sending as fast as a window of {@value #WINDOW} messages in flight allows (so the
 * queue stays short and the latencies mean something), while the consumer reports each message it got.
 */
final class FireAndForgetLoad {
    /** Messages sent and not yet received, at most. */
    static final int WINDOW = 1_000;
    private static final long LOST_AFTER_SECONDS = 30;

    /** Sends one message carrying its send time. */
    @FunctionalInterface
    interface Sender {
        /**
         * @param sentNanos the send time, to carry in the message
         * @throws Exception if it cannot be sent
         */
        void send(long sentNanos) throws Exception;
    }

    private final Semaphore window = new Semaphore(WINDOW);
    private final Confirms confirms = new Confirms();
    private volatile Latencies recording;

    /** @return the window of publisher confirms, for the senders that wait for them */
    Confirms confirms() {
        return confirms;
    }

    /**
     * Called by the consumer for each message.
     *
     * @param sentNanos the send time the message carried
     */
    void received(long sentNanos) {
        Latencies latencies = recording;
        if (latencies != null) {
            latencies.record(System.nanoTime() - sentNanos);
        }
        window.release();
    }

    /**
     * @param sender sends one message
     * @param timing how long to warm up and to measure
     * @return the messages received per second during the measurement, and their latencies
     * @throws Exception if sending fails, or messages or confirms stop coming back
     */
    Sample drive(Sender sender, Timing timing) throws Exception {
        load(sender, timing.warmup());
        Latencies latencies = new Latencies();
        recording = latencies;
        long start = System.nanoTime();
        long cpuStart = Sample.processCpuNanos();
        load(sender, timing.measure());
        double seconds = (System.nanoTime() - start) / 1e9;
        recording = null;
        long cpu = Sample.processCpuNanos() - cpuStart;
        awaitInFlight(WINDOW);
        confirms.awaitAll();
        return Sample.of(latencies, seconds, cpu);
    }

    private void load(Sender sender, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            awaitInFlight(1);
            sender.send(System.nanoTime());
        }
    }

    private void awaitInFlight(int permits) throws InterruptedException {
        if (!window.tryAcquire(permits, LOST_AFTER_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Messages did not come back within " + LOST_AFTER_SECONDS + " s");
        }
    }
}
