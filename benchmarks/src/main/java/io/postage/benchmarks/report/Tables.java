package io.postage.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Markdown tables of a run: the hot path, the end-to-end runs and the targets. */
public final class Tables {
    /** The raw baseline of each JMH class, which its ratios divide by. */
    private static final Map<String, String> BASELINES = Map.of(
            "EncodeBenchmark", "rawJackson",
            "DecodeBenchmark", "rawJackson",
            "DispatchBenchmark", "direct",
            "PublishBenchmark", "raw");

    private Tables() {
    }

    /**
     * @param rows the JMH rows
     * @return a table of medians, allocations and ratios to the class's baseline with the same parameters
     */
    public static String hotPath(List<HotPathRow> rows) {
        StringBuilder table = new StringBuilder("""
                | benchmark | params | method | ns/op | B/op | x baseline |
                |---|---|---|---:|---:|---:|
                """);
        for (HotPathRow row : rows) {
            Optional<HotPathRow> baseline = rows.stream().filter(other -> other.benchmark().equals(row.benchmark())
                    && other.params().equals(row.params())
                    && other.method().equals(BASELINES.get(row.benchmark()))).findFirst();
            String ratio = baseline.isEmpty() || baseline.get() == row ? "baseline"
                    : String.format("%.2f", row.nanos() / baseline.get().nanos());
            table.append(String.format("| %s | %s | %s | %s | %s | %s |%n", row.benchmark().replace("Benchmark", ""),
                    row.params(), row.method(), number(row.nanos()), number(row.bytes()), ratio));
        }
        return table.toString();
    }

    /**
     * @param report the end-to-end report the runner writes
     * @return a table of medians over the rounds and their ratios to the raw baseline
     */
    public static String endToEnd(JsonNode report) {
        StringBuilder table = new StringBuilder(String.format(
                "Medians of %d rounds of %.1f s each (after %.1f s warm-up), variants alternating.%n%n",
                report.path("rounds").asInt(), report.path("measureMillis").asDouble() / 1000,
                report.path("warmupMillis").asDouble() / 1000));
        table.append("""
                | broker | scenario | variant | msgs/s | p50 us | p99 us | CPU us/msg | x raw msgs/s | x raw p50 | x raw CPU |
                |---|---|---|---:|---:|---:|---:|---:|---:|---:|
                """);
        for (JsonNode result : report.path("results")) {
            JsonNode median = result.path("median");
            String figures = median.isMissingNode() || median.isNull()
                    ? "| failed: " + result.path("error").asText().replace('|', '/') + " | | | | | | "
                    : String.format("| %s | %s | %s | %s | %s | %s | %s ", number(median.get("messagesPerSecond").asDouble()),
                            number(median.get("p50Micros").asDouble()), number(median.get("p99Micros").asDouble()),
                            number(median.get("cpuMicrosPerMessage").asDouble()), ratio(result, "throughputRatio"),
                            ratio(result, "p50Ratio"), ratio(result, "cpuRatio"));
            table.append(String.format("| %s | %s | %s %s|%n", result.get("broker").asText(),
                    result.get("scenario").asText(), result.get("variant").asText(), figures));
        }
        return table.toString();
    }

    /**
     * @param rows the targets checked
     * @return a table saying which are met
     */
    public static String targets(List<TargetRow> rows) {
        StringBuilder table = new StringBuilder("""
                | target | setting | measured | met |
                |---|---|---|---|
                """);
        for (TargetRow row : rows) {
            String met = row.met() == null ? "n/a" : row.met() ? "yes" : "**no**";
            table.append(String.format("| %s | %s | %s | %s |%n", row.target(), row.setting(), row.measured(), met));
        }
        return table.toString();
    }

    /** @return the ratio, {@code baseline} for the baseline itself, {@code -} where there is no baseline */
    private static String ratio(JsonNode result, String field) {
        JsonNode ratio = result.get(field);
        if (ratio == null || ratio.isNull()) {
            return result.path("baseline").asBoolean() ? "baseline" : "-";
        }
        return String.format("%.2f", ratio.asDouble());
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return String.format(Math.abs(value) < 100 ? "%,.1f" : "%,.0f", value);
    }
}
