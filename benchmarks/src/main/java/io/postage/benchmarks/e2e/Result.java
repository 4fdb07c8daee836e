package io.postage.benchmarks.e2e;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What a variant of a scenario measured on one broker over the rounds.
 *
 * @param broker the broker
 * @param scenario the scenario's title
 * @param variant the variant's name
 * @param baseline whether it is the raw baseline
 * @param samples one per round
 * @param median the median of each figure over the rounds; null if no round succeeded
 * @param throughputRatio the median messages per second over the baseline's; null for the baseline or a failure
 * @param p50Ratio the median p50 latency over the baseline's; null for the baseline or a failure
 * @param cpuRatio the median CPU time per message over the baseline's; null for the baseline or a failure
 * @param error why a round failed, or null
 */
record Result(String broker, String scenario, String variant, boolean baseline, List<Sample> samples, Sample median,
        Double throughputRatio, Double p50Ratio, Double cpuRatio, String error) {

    /**
     * @param samples the successful rounds
     * @return their medians, figure by figure, or null if there are none
     */
    static Sample medianOf(List<Sample> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        return new Sample(median(samples, Sample::messagesPerSecond), median(samples, Sample::p50Micros),
                median(samples, Sample::p99Micros), median(samples, Sample::cpuMicrosPerMessage));
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        double[] values = samples.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
