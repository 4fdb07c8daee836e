package io.postage.testkit.junit;

import io.postage.PostageConfig;
import java.util.Objects;
import java.util.UUID;

/**
 * The broker a {@link PostageBroker} test runs on, as the extension injects it.
 *
 * {@snippet :
 * @Test
 * void directReplyToIsUsed(BrokerInfo broker) {
 *     Assumptions.assumeTrue(broker.isRabbitMq(), "direct reply-to is a RabbitMQ feature");
 *     ...
 * }
 * }
 *
 * @param kind which kind of broker it is; never {@link BrokerKind#AUTO}
 * @param product {@value #RABBITMQ} or {@value #QPID_BROKER_J}
 * @param uri091 the AMQP 0-9-1 URI, credentials and vhost included
 * @param uri10 the AMQP 1.0 URI in Qpid JMS form ({@code amqp://host:port}), credentials as in {@code uri091}
 */
public record BrokerInfo(BrokerKind kind, String product, String uri091, String uri10) {

    /** The product name of RabbitMQ. */
    public static final String RABBITMQ = "RabbitMQ";
    /** The product name of the embedded broker. */
    public static final String QPID_BROKER_J = "Qpid Broker-J";

    /** Checks the values. */
    public BrokerInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(uri091, "uri091");
        Objects.requireNonNull(uri10, "uri10");
        if (kind == BrokerKind.AUTO) {
            throw new IllegalArgumentException("A broker in use has a definite kind, not AUTO");
        }
    }

    /** @return a configuration that connects to this broker over AMQP 0-9-1 */
    public PostageConfig config() {
        return PostageConfig.builder().uri(uri091).build();
    }

    /** @return whether the broker is RabbitMQ, with its extensions (direct reply-to, {@code x-} arguments) */
    public boolean isRabbitMq() {
        return product.equals(RABBITMQ);
    }

    /**
     * Names something a test declares, so that tests sharing the broker never meet.
     *
     * @param prefix what the name says, such as {@code echo-exchange}
     * @return the prefix, a dash and a random suffix
     */
    public String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return which broker this is and where, without the password */
    @Override
    public String toString() {
        String endpoint = config().endpoint();
        return switch (kind) {
            case EMBEDDED -> "the embedded " + product + " at " + endpoint;
            case TESTCONTAINERS -> product + " in a Testcontainers container at " + endpoint;
            default -> product + " at " + endpoint;
        };
    }
}
