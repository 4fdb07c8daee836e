package io.postage.amqp091.components;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.postage.Fingerprint;
import io.postage.PostageConfig;
import io.postage.ProcessorSettings;
import java.util.Objects;
import java.util.UUID;

/**
 * The RabbitMQ the component tests run against: {@code POSTAGE_TEST_URI}, or the local one. The
 * tests fail, never skip, when it is unreachable.
 */
final class TestBroker {
    static final String URI = Objects.requireNonNullElse(System.getenv("POSTAGE_TEST_URI"),
            "amqp://guest:guest@127.0.0.1:5672/%2F");

    private TestBroker() {
    }

    static PostageConfig config() {
        return PostageConfig.builder().uri(URI).build();
    }

    static ProcessorSettings settings() {
        return ProcessorSettings.of(config());
    }

    /** @return a name no other test uses, so tests run in any order */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return a fingerprint of this process with a pid of its own, so several components can share the JVM */
    static Fingerprint fingerprint(String name, String type, String pid) {
        Fingerprint real = Fingerprint.of(name, type, config());
        return new Fingerprint(name, type, pid, real.host(), real.user(), real.vhost());
    }

    /** @return a raw amqp-client connection, for speaking the wire format without Postage */
    static Connection rawConnection() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI);
        return factory.newConnection("postage-test-raw");
    }
}
