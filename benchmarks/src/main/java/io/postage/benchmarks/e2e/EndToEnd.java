package io.postage.benchmarks.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Connection;
import io.postage.benchmarks.report.Tables;
import io.postage.testkit.broker.EmbeddedBroker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The end-to-end runs: each scenario on each broker, every variant (Postage's settings and the raw
 * client) run {@code --rounds} times, alternating in one process; prints the medians and their ratios to
 * the raw baseline as a Markdown table, and writes them as JSON with {@code --json}. See docs/BENCHMARKS.md.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.postage.benchmarks.e2e.EndToEnd --measure 10s --rounds 3</pre>
 */
public final class EndToEnd {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Postage and the clients log each connection at INFO: keep the progress lines readable. */
    private static final List<Logger> QUIET = Stream.of("io.postage", "com.rabbitmq", "org.apache.qpid.jms").map(Logger::getLogger)
            .peek(logger -> logger.setLevel(Level.WARNING)).toList();

    private EndToEnd() {
    }

    /**
     * @param args see {@link Options#USAGE}
     * @throws Exception if a broker cannot start or the results cannot be written
     */
    public static void main(String... args) throws Exception {
        Options options = Options.parse(args);
        JsonNode report = report(options, run(options));
        System.out.println(Tables.endToEnd(report));
        if (options.json().isPresent()) {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(options.json().get().toFile(), report);
        }
    }

    /**
     * @param options what to run
     * @return every variant's result on every broker that could be reached
     */
    static List<Result> run(Options options) {
        List<Result> results = new ArrayList<>();
        for (String broker : options.brokers()) {
            switch (broker) {
                case "rabbitmq" -> {
                    Target rabbitmq = new Target("rabbitmq", options.rabbitmqUri(), options.rabbitmqUri(), true);
                    if (reachable(rabbitmq)) {
                        results.addAll(runAll(rabbitmq, options));
                    }
                }
                case "embedded" -> {
                    try (EmbeddedBroker embedded = EmbeddedBroker.start()) {
                        // Named, not detected: the shaded jar loses Broker-J's product name from its open properties.
                        String uri10 = embedded.uri091() + "?postage.dialect=qpid-broker-j";
                        results.addAll(runAll(new Target("embedded", embedded.uri091(), uri10, false), options));
                    }
                }
                default -> throw new IllegalArgumentException("Unknown broker " + broker + "\n" + Options.USAGE);
            }
        }
        return results;
    }

    private static boolean reachable(Target target) {
        try (Connection connection = target.connectionFactory().newConnection("bench probe")) {
            return connection.isOpen();
        } catch (IOException | TimeoutException e) {
            System.err.println("RabbitMQ is not reachable (" + e + "): its scenarios are skipped");
            return false;
        }
    }

    private static List<Result> runAll(Target target, Options options) {
        List<Result> results = new ArrayList<>();
        for (Scenario scenario : Scenario.all()) {
            if (options.scenarios().contains(scenario.id())) {
                results.addAll(runAlternating(scenario, target, options));
            }
        }
        return results;
    }

    private static List<Result> runAlternating(Scenario scenario, Target target, Options options) {
        Map<Variant, List<Sample>> samples = new LinkedHashMap<>();
        Map<Variant, String> errors = new LinkedHashMap<>();
        scenario.variants().forEach(variant -> samples.put(variant, new ArrayList<>()));
        for (int round = 0; round < options.rounds(); round++) {
            for (Variant variant : round % 2 == 0 ? scenario.variants() : scenario.variants().reversed()) {
                if (errors.containsKey(variant) || !options.runs(variant)) {
                    continue;
                }
                String run = target.name() + " | " + scenario.title() + " | " + variant.name() + " | round " + (round + 1);
                try {
                    Sample sample = variant.run(target, options.timing());
                    samples.get(variant).add(sample);
                    System.err.printf("%s: %.0f msgs/s, p50 %.0f us, p99 %.0f us, CPU %.1f us/msg%n", run,
                            sample.messagesPerSecond(), sample.p50Micros(), sample.p99Micros(), sample.cpuMicrosPerMessage());
                } catch (Exception e) {
                    errors.put(variant, e.getClass().getSimpleName() + ": " + e.getMessage());
                    System.err.println(run + ": failed, " + errors.get(variant));
                }
            }
        }
        Sample baseline = scenario.variants().stream().filter(Variant::baseline)
                .map(variant -> Result.medianOf(samples.get(variant))).findFirst().orElse(null);
        List<Result> results = new ArrayList<>();
        for (Variant variant : scenario.variants().stream().filter(options::runs).toList()) {
            Sample median = Result.medianOf(samples.get(variant));
            boolean compared = !variant.baseline() && median != null && baseline != null;
            results.add(new Result(target.name(), scenario.title(), variant.name(), variant.baseline(),
                    samples.get(variant), median,
                    compared ? median.messagesPerSecond() / baseline.messagesPerSecond() : null,
                    compared ? median.p50Micros() / baseline.p50Micros() : null,
                    compared ? median.cpuMicrosPerMessage() / baseline.cpuMicrosPerMessage() : null,
                    errors.get(variant)));
        }
        return results;
    }

    private static JsonNode report(Options options, List<Result> results) {
        ObjectNode report = MAPPER.createObjectNode();
        report.put("warmupMillis", options.timing().warmup().toMillis());
        report.put("measureMillis", options.timing().measure().toMillis());
        report.put("rounds", options.rounds());
        report.set("results", MAPPER.valueToTree(results));
        return report;
    }
}
