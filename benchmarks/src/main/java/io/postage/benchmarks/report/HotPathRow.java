package io.postage.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * One JMH benchmark with its parameters, as medians over every measured iteration of every fork (robust
 * to the noise of a shared machine, unlike JMH's mean).
 *
 * @param benchmark the class's simple name, such as {@code EncodeBenchmark}
 * @param method the method, such as {@code jackson}
 * @param params the parameter values, such as {@code TINY}; empty if none
 * @param nanos the median time per operation, in nanoseconds
 * @param bytes the median allocation per operation ({@code gc.alloc.rate.norm}), in bytes; NaN without {@code -prof gc}
 */
public record HotPathRow(String benchmark, String method, String params, double nanos, double bytes) {
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    /**
     * @param jmh JMH's JSON result ({@code -rf json}), in nanoseconds per operation
     * @return one row per benchmark and parameter set, in JMH's order
     */
    public static List<HotPathRow> of(JsonNode jmh) {
        List<HotPathRow> rows = new ArrayList<>();
        for (JsonNode result : jmh) {
            String[] name = result.get("benchmark").asText().split("\\.");
            List<String> params = new ArrayList<>();
            result.path("params").properties().forEach(param -> params.add(param.getValue().asText()));
            rows.add(new HotPathRow(name[name.length - 2], name[name.length - 1], String.join(",", params),
                    median(result.get("primaryMetric")), median(allocation(result.path("secondaryMetrics")))));
        }
        return rows;
    }

    private static JsonNode allocation(JsonNode secondary) {
        for (Map.Entry<String, JsonNode> metric : secondary.properties()) {
            if (metric.getKey().endsWith(ALLOCATION)) {
                return metric.getValue();
            }
        }
        return null;
    }

    private static double median(JsonNode metric) {
        if (metric == null) {
            return Double.NaN;
        }
        double[] values = StreamSupport.stream(metric.get("rawData").spliterator(), false)
                .flatMap(fork -> StreamSupport.stream(fork.spliterator(), false))
                .mapToDouble(JsonNode::asDouble).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
