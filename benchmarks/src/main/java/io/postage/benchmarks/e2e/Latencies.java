package io.postage.benchmarks.e2e;

import java.util.Arrays;

/** Latencies recorded during a measurement, from any thread, and their percentiles. */
final class Latencies {
    private long[] nanos = new long[1 << 16];
    private int count;

    /** @param latencyNanos one operation's latency */
    synchronized void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    /** @return how many operations completed */
    synchronized int count() {
        return count;
    }

    /**
     * @param percentile from 0 to 100
     * @return that percentile in microseconds (nearest rank), or NaN if nothing was recorded
     */
    synchronized double percentileMicros(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * count);
        return sorted[Math.clamp(rank - 1, 0, count - 1)] / 1_000.0;
    }
}
