package io.postage.amqp10;

import io.postage.PostageConfig;
import io.postage.Providers;
import io.postage.QueueSpec;
import io.postage.spi.Transport;
import io.postage.testkit.broker.EmbeddedBroker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The two brokers every test here runs on: the RabbitMQ at {@code POSTAGE_TEST_URI} (default the local one;
 * when it is unreachable its tests fail if {@code POSTAGE_TEST_REQUIRE=rabbitmq}, as in CI, and are skipped
 * with the reason otherwise, like {@code @PostageBroker}) and a Qpid
 * Broker-J embedded in the test JVM, started once. Both speak AMQP 0-9-1 and 1.0 on one port.
 */
enum TestBroker {
    RABBITMQ,
    BROKER_J;

    private static final String RABBIT_URI = Objects.requireNonNullElse(System.getenv("POSTAGE_TEST_URI"),
            "amqp://guest:guest@127.0.0.1:5672/%2F");
    private static EmbeddedBroker embedded;

    /** Starts the embedded broker, once per JVM; it stops with the JVM. */
    static synchronized EmbeddedBroker embedded() {
        if (embedded == null) {
            embedded = EmbeddedBroker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-broker-stop"));
        }
        return embedded;
    }

    /** Whether RabbitMQ answers at {@code POSTAGE_TEST_URI}, checked once. */
    private static final boolean RABBIT_ANSWERS = answers(URI.create(RABBIT_URI));

    /**
     * Skips a RabbitMQ test where the environment asks for the embedded broker alone, or where RabbitMQ is
     * unreachable and not required; fails it where it is required and unreachable.
     */
    void assumeWanted() {
        if (this == RABBITMQ) {
            Assumptions.assumeFalse("embedded".equals(System.getenv("POSTAGE_TEST_BROKER")),
                    "POSTAGE_TEST_BROKER=embedded: RabbitMQ tests are not run");
            if (!RABBIT_ANSWERS && "rabbitmq".equals(System.getenv("POSTAGE_TEST_REQUIRE"))) {
                Assertions.fail("POSTAGE_TEST_REQUIRE=rabbitmq but no RabbitMQ answers at " + safeRabbitUri());
            }
            Assumptions.assumeTrue(RABBIT_ANSWERS, () -> "No RabbitMQ answers at " + safeRabbitUri()
                    + ": only the embedded broker is tested");
        }
    }

    /** @return whether RabbitMQ answers at {@code POSTAGE_TEST_URI} (else the kit runs on the embedded broker) */
    static boolean rabbitMqAnswers() {
        return RABBIT_ANSWERS;
    }

    private static String safeRabbitUri() {
        return RABBIT_URI.replaceAll("//([^:@/]*):[^@/]*@", "//$1:****@");
    }

    private static boolean answers(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() == -1 ? 5672 : uri.getPort()), 1500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the broker's URI, credentials and vhost included, for either transport */
    String uri() {
        return this == RABBITMQ ? RABBIT_URI : "amqp://guest:guest@127.0.0.1:" + embedded().port() + "/%2F";
    }

    /**
     * @param transport {@code amqp10} or {@code amqp091}
     * @return a configuration for that transport on this broker
     */
    PostageConfig config(String transport) {
        assumeWanted();
        return PostageConfig.builder().uri(uri()).transport(transport).build();
    }

    /** @return an AMQP 1.0 transport connected to this broker */
    Transport connect10() {
        return Providers.transport("amqp10").connect(config("amqp10"), "postage-amqp10-test");
    }

    /**
     * @param prefix the queue name's prefix
     * @return a named queue that outlives its consumers yet goes away by itself: on RabbitMQ it expires a minute
     *     after its last use (Qpid Broker-J takes no queue arguments; the embedded broker goes with the JVM)
     */
    QueueSpec lastingQueue(String prefix) {
        QueueSpec queue = QueueSpec.named(unique(prefix));
        return this == RABBITMQ ? queue.withArguments(Map.of("x-expires", 60_000)) : queue;
    }

    /** @return a name no other test uses, so tests run in any order on a shared broker */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public String toString() {
        return this == RABBITMQ ? "RabbitMQ" : "Qpid Broker-J";
    }
}
