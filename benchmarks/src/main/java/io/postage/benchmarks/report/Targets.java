package io.postage.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a run against the targets of issue 7, each a ratio to the raw baseline measured in the same run. */
final class Targets {
    private static final double JACKSON_CODEC = 1.15;
    private static final double GSON_CODEC = 2.5;
    private static final double DISPATCH = 2.0;
    private static final double THROUGHPUT = 0.9;
    private static final double RPC_LATENCY = 1.1;
    /** The title of the scenarios without a raw baseline, hence without a target. */
    private static final String CROSS_TRANSPORT = "cross-transport";

    private Targets() {
    }

    /**
     * @param hotPath the JMH rows
     * @param endToEnd the end-to-end report, or a missing node
     * @return every target in every setting this run measured
     */
    static List<TargetRow> evaluate(List<HotPathRow> hotPath, JsonNode endToEnd) {
        List<TargetRow> rows = new ArrayList<>();
        for (String payload : List.of("TINY", "NESTED", "LARGE")) {
            codec(hotPath, payload, "jackson", JACKSON_CODEC).ifPresent(rows::add);
            codec(hotPath, payload, "gson", GSON_CODEC).ifPresent(rows::add);
        }
        for (String handlers : List.of("1", "10", "100")) {
            Optional<HotPathRow> postage = find(hotPath, "DispatchBenchmark", "postage", handlers);
            Optional<HotPathRow> direct = find(hotPath, "DispatchBenchmark", "direct", handlers);
            if (postage.isPresent() && direct.isPresent()) {
                double ratio = postage.get().nanos() / direct.get().nanos();
                rows.add(new TargetRow("dispatch <= " + DISPATCH + " x a direct call", handlers + " handlers",
                        String.format("%.1f x", ratio), ratio <= DISPATCH));
                double bytes = postage.get().bytes();
                rows.add(new TargetRow("dispatch allocates 0 B/op", handlers + " handlers",
                        String.format("%.0f B/op", bytes), Double.isNaN(bytes) ? null : bytes < 1));
            }
        }
        for (JsonNode result : endToEnd.path("results")) {
            if (!result.get("baseline").asBoolean() && !result.get("scenario").asText().startsWith(CROSS_TRANSPORT)) {
                endToEnd(result).ifPresent(rows::add);
            }
        }
        return rows;
    }

    private static Optional<TargetRow> codec(List<HotPathRow> rows, String payload, String codec, double limit) {
        List<Optional<HotPathRow>> parts = List.of(find(rows, "EncodeBenchmark", codec, payload),
                find(rows, "DecodeBenchmark", codec, payload), find(rows, "EncodeBenchmark", "rawJackson", payload),
                find(rows, "DecodeBenchmark", "rawJackson", payload));
        if (parts.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        double ratio = (parts.get(0).get().nanos() + parts.get(1).get().nanos())
                / (parts.get(2).get().nanos() + parts.get(3).get().nanos());
        return Optional.of(new TargetRow("encode+decode with " + codec + " <= " + limit + " x raw Jackson", payload,
                String.format("%.2f x", ratio), ratio <= limit));
    }

    private static Optional<TargetRow> endToEnd(JsonNode result) {
        String scenario = result.get("scenario").asText();
        String setting = result.get("broker").asText() + ", " + scenario + ", " + result.get("variant").asText();
        boolean latency = scenario.endsWith("RPC, 1 caller");
        String target = latency ? "RPC p50 <= " + RPC_LATENCY + " x raw" : "msgs/s >= " + THROUGHPUT + " x raw";
        JsonNode ratio = result.get(latency ? "p50Ratio" : "throughputRatio");
        if (ratio == null || ratio.isNull()) {
            return Optional.of(new TargetRow(target, setting, "not measured: " + result.path("error").asText("no baseline"),
                    null));
        }
        double value = ratio.asDouble();
        return Optional.of(new TargetRow(target, setting, String.format("%.3f x", value),
                latency ? value <= RPC_LATENCY : value >= THROUGHPUT));
    }

    private static Optional<HotPathRow> find(List<HotPathRow> rows, String benchmark, String method, String params) {
        return rows.stream().filter(row -> row.benchmark().equals(benchmark) && row.method().equals(method)
                && row.params().equals(params)).findFirst();
    }
}
