package io.postage.benchmarks.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The end-to-end runner's command line.
 *
 * @param brokers {@code rabbitmq} and/or {@code embedded}
 * @param rabbitmqUri where RabbitMQ is
 * @param timing how long each run warms up and measures
 * @param rounds how many runs of each variant, alternating with the others
 * @param scenarios the ids of the scenarios to run
 * @param variants prefixes of the variant names to run, such as {@code postage} (to profile one side)
 * @param json where to write the results, if anywhere
 */
record Options(List<String> brokers, String rabbitmqUri, Timing timing, int rounds, List<String> scenarios,
        List<String> variants, Optional<Path> json) {

    static final String USAGE = """
            Usage: EndToEnd [--brokers rabbitmq,embedded] [--rabbitmq-uri amqp://guest:guest@127.0.0.1:5672/%2F]
                            [--warmup 2s] [--measure 10s] [--rounds 3]
                            [--scenarios ff-prefetch-1,ff-prefetch-250,ff-confirm-prefetch-1,ff-confirm-prefetch-250,
                                         rpc-1,rpc-32,amqp10-ff-prefetch-250,amqp10-rpc-1,amqp10-rpc-32,
                                         cross-ff-prefetch-250,cross-rpc-1]
                            [--variants postage,raw]
                            [--json results.json]
            Durations take ms or s: 500ms, 10s.""";

    /**
     * @param args the command line
     * @return the options, defaults for what it leaves out
     * @throws IllegalArgumentException naming a bad argument
     */
    static Options parse(String... args) {
        List<String> brokers = List.of("rabbitmq", "embedded");
        String rabbitmqUri = "amqp://guest:guest@127.0.0.1:5672/%2F";
        Duration warmup = Duration.ofSeconds(2);
        Duration measure = Duration.ofSeconds(10);
        int rounds = 3;
        List<String> scenarios = Scenario.all().stream().map(Scenario::id).toList();
        List<String> variants = List.of("");
        Optional<Path> json = Optional.empty();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("No value after " + args[i] + "\n" + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--brokers" -> brokers = List.of(value.split(","));
                case "--rabbitmq-uri" -> rabbitmqUri = value;
                case "--warmup" -> warmup = duration(value);
                case "--measure" -> measure = duration(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--scenarios" -> scenarios = List.of(value.split(","));
                case "--variants" -> variants = List.of(value.split(","));
                case "--json" -> json = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new Options(brokers, rabbitmqUri, new Timing(warmup, measure), rounds, scenarios, variants, json);
    }

    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
        }
        throw new IllegalArgumentException("Not a duration (500ms, 10s): " + text);
    }

    /**
     * @param variant a variant of a scenario
     * @return whether {@code --variants} selects it
     */
    boolean runs(Variant variant) {
        return variants.stream().anyMatch(variant.name()::startsWith);
    }
}
