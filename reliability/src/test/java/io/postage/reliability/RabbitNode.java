package io.postage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.PostageConfig;
import io.postage.testkit.junit.BrokerInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The RabbitMQ node a test restarts, driven with {@code rabbitmqctl}. Restarting a broker is opt-in, since
 * a development machine's RabbitMQ may serve others: the node is the one {@code POSTAGE_TEST_RABBITMQ_NODE}
 * names, or, in CI ({@code POSTAGE_TEST_REQUIRE=rabbitmq}), {@code rabbit@localhost}; otherwise the test
 * is skipped, saying so. Before it disturbs anything it checks that the node listens on the port the
 * test's broker URI names, so that a test pointed at a private node never stops the shared one.
 */
final class RabbitNode {
    /** The variable that names the node. */
    static final String NODE_VARIABLE = "POSTAGE_TEST_RABBITMQ_NODE";
    /** The variable that names the node's management API, when it is not on port 15672 of the broker's host. */
    static final String MANAGEMENT_VARIABLE = "POSTAGE_TEST_RABBITMQ_MANAGEMENT";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final String node;

    private RabbitNode(String node) {
        this.node = node;
    }

    /**
     * @param broker the broker the test uses
     * @return its node; the test is skipped (or, with {@code POSTAGE_TEST_REQUIRE=rabbitmq}, fails) if the
     *     broker is not RabbitMQ or {@code rabbitmqctl} cannot drive it
     */
    static RabbitNode of(BrokerInfo broker) {
        boolean required = "rabbitmq".equalsIgnoreCase(
                Objects.requireNonNullElse(System.getenv("POSTAGE_TEST_REQUIRE"), ""));
        Optional<String> named = Optional.ofNullable(System.getenv(NODE_VARIABLE)).filter(name -> !name.isBlank());
        String name = named.orElse("rabbit@localhost");
        RabbitNode node = new RabbitNode(name);
        String problem = !broker.isRabbitMq() ? "the broker is " + broker.product() + ", not RabbitMQ"
                : named.isEmpty() && !required ? NODE_VARIABLE + " is not set (set it to the node to restart,"
                        + " e.g. rabbit@localhost, on a machine whose RabbitMQ no one else uses)"
                : node.cannotDrive(URI.create(broker.uri091()));
        if (required) {
            assertThat(problem).as("driving RabbitMQ node %s (set %s)", name, NODE_VARIABLE).isEmpty();
        }
        Assumptions.assumeTrue(problem.isEmpty(), () -> "Restart tests need a RabbitMQ node rabbitmqctl can drive: " + problem);
        return node;
    }

    private String cannotDrive(URI uri) {
        int port = uri.getPort() == -1 ? 5672 : uri.getPort();
        try {
            String status = run("status");
            return status.contains("port: " + port + ",") ? ""
                    : "node " + node + " does not listen on port " + port + " (set " + NODE_VARIABLE + ")";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /**
     * @param uri091 the node's AMQP 0-9-1 URI
     * @return a configuration of the AMQP 1.0 transport on this node, with failover (to the same node), so
     *     that a lost connection is reopened
     */
    PostageConfig amqp10WithFailover(URI uri091) {
        int port = uri091.getPort() == -1 ? 5672 : uri091.getPort();
        String management = Optional.ofNullable(System.getenv(MANAGEMENT_VARIABLE))
                .map(address -> "&postage.management=" + address).orElse("");
        return PostageConfig.builder().transport("amqp10")
                .uri(uri091 + (uri091.getRawQuery() == null ? "?" : "&") + "postage.failover=" + uri091.getHost() + ":"
                        + port + management).build();
    }

    /** Stops the RabbitMQ application (the Erlang node stays up): every connection is closed, nothing listens. */
    void stopApp() {
        run("stop_app");
    }

    /** Starts the RabbitMQ application again and waits until it accepts connections. */
    void startApp() {
        run("start_app");
        run("await_startup");
    }

    /** Closes every client connection of the node. */
    void closeAllConnections() {
        run("close_all_connections", "postage reliability test");
    }

    private String run(String... command) {
        List<String> line = new ArrayList<>(List.of("rabbitmqctl", "-q", "-n", node));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " did not finish within " + COMMAND_TIMEOUT);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed (" + process.exitValue() + "): "
                        + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run rabbitmqctl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", line), e);
        }
    }

    @Override
    public String toString() {
        return node;
    }
}
