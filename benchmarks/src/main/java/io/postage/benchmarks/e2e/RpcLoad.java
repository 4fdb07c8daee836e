package io.postage.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Callers, each on a thread of its own, making one blocking call after the other. */
final class RpcLoad {

    /** One blocking call. */
    @FunctionalInterface
    interface Call {
        /**
         * @param sentNanos the send time, to carry in the request
         * @throws Exception if the call fails
         */
        void call(long sentNanos) throws Exception;
    }

    private volatile boolean running = true;
    private volatile Latencies recording;

    /**
     * @param callers how many callers at once
     * @param call one call
     * @param timing how long to warm up and to measure
     * @return the calls answered per second during the measurement, and their latencies
     * @throws Exception if a call fails
     */
    Sample drive(int callers, Call call, Timing timing) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                loops.add(threads.submit(() -> loop(call)));
            }
            Thread.sleep(timing.warmup());
            Latencies latencies = new Latencies();
            recording = latencies;
            long start = System.nanoTime();
            long cpuStart = Sample.processCpuNanos();
            Thread.sleep(timing.measure());
            double seconds = (System.nanoTime() - start) / 1e9;
            recording = null;
            long cpu = Sample.processCpuNanos() - cpuStart;
            running = false;
            for (Future<?> loop : loops) {
                loop.get();
            }
            return Sample.of(latencies, seconds, cpu);
        } finally {
            running = false;
            threads.shutdownNow();
        }
    }

    private Void loop(Call call) throws Exception {
        while (running) {
            long sent = System.nanoTime();
            call.call(sent);
            Latencies latencies = recording;
            if (latencies != null) {
                latencies.record(System.nanoTime() - sent);
            }
        }
        return null;
    }
}
