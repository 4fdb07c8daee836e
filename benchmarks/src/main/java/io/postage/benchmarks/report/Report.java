package io.postage.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Merges a run's JMH result and end-to-end report into {@code <out>.json} and {@code <out>.md} (the
 * tables of docs/BENCHMARKS.md), and prints the Markdown. Used by benchmarks/run.sh:
 *
 * <pre>Report --jmh jmh.json --e2e e2e.json --out results/2026-11-29-host --machine "..." --command "..."</pre>
 */
public final class Report {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Report() {
    }

    /**
     * @param args {@code --jmh FILE --e2e FILE --out PREFIX --machine TEXT --command TEXT}; a missing or
     *     empty input file leaves its part out
     * @throws IOException if an input cannot be read or an output written
     */
    public static void main(String[] args) throws IOException {
        JsonNode jmh = read(argument(args, "--jmh"));
        JsonNode endToEnd = read(argument(args, "--e2e"));
        List<HotPathRow> hotPath = HotPathRow.of(jmh);
        List<TargetRow> targets = Targets.evaluate(hotPath, endToEnd);

        ObjectNode summary = MAPPER.createObjectNode();
        summary.put("date", LocalDate.now().toString());
        summary.put("machine", argument(args, "--machine"));
        summary.put("command", argument(args, "--command"));
        summary.set("hotPath", MAPPER.valueToTree(hotPath));
        summary.set("endToEnd", endToEnd);
        summary.set("targets", MAPPER.valueToTree(targets));
        summary.set("jmh", jmh);
        String out = argument(args, "--out");
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(Path.of(out + ".json").toFile(), summary);

        String markdown = String.format("""
                ## Run of %s

                Machine: %s. Command: `%s`.

                ### Targets

                %s
                ### Hot path (JMH, medians of all measured iterations, `-prof gc`)

                %s
                ### End to end

                %s""", summary.get("date").asText(), summary.get("machine").asText(), summary.get("command").asText(),
                Tables.targets(targets), Tables.hotPath(hotPath),
                endToEnd.isMissingNode() ? "Not run." + System.lineSeparator() : Tables.endToEnd(endToEnd));
        Files.writeString(Path.of(out + ".md"), markdown);
        System.out.print(markdown);
    }

    private static JsonNode read(String file) throws IOException {
        Path path = Path.of(file);
        if (!Files.exists(path) || Files.size(path) == 0) {
            return MissingNode.getInstance();
        }
        return MAPPER.readTree(path.toFile());
    }

    private static String argument(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("Missing " + name
                + "; usage: Report --jmh FILE --e2e FILE --out PREFIX --machine TEXT --command TEXT");
    }
}
