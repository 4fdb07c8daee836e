package io.postage.benchmarks.e2e;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * What one run of a variant measured.
 *
 * @param messagesPerSecond completed operations (messages received, calls answered) per second
 * @param p50Micros the median latency, in microseconds
 * @param p99Micros the 99th percentile latency, in microseconds
 * @param cpuMicrosPerMessage the CPU time this process spent per completed operation, in microseconds
 *     (both sides of the run; with the embedded broker, the broker's share too): less sensitive than
 *     throughput to what else runs on the machine
 */
record Sample(double messagesPerSecond, double p50Micros, double p99Micros, double cpuMicrosPerMessage) {
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** @return the CPU time this process has used so far, in nanoseconds */
    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /**
     * @param latencies what the measurement recorded
     * @param seconds how long it lasted
     * @param cpuNanos the process CPU time it took
     * @return the sample
     */
    static Sample of(Latencies latencies, double seconds, long cpuNanos) {
        int count = latencies.count();
        return new Sample(count / seconds, latencies.percentileMicros(50), latencies.percentileMicros(99),
                count == 0 ? Double.NaN : cpuNanos / 1_000.0 / count);
    }
}
