package io.postage.testkit.junit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * RabbitMQ in a Docker container, through Testcontainers. Only touched once Testcontainers is known
 * to be on the class path: it is an optional dependency of the test kit.
 */
final class ContainerBroker implements AutoCloseable {
    private static final String IMAGE = "rabbitmq:3.13-management";
    /** The image enables management only; the 1.0 URI needs the AMQP 1.0 plugin too. */
    private static final String ENABLED_PLUGINS = "[rabbitmq_management,rabbitmq_amqp1_0].";

    private final RabbitMQContainer container;

    private ContainerBroker(RabbitMQContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static ContainerBroker start() {
        RabbitMQContainer container = new RabbitMQContainer(DockerImageName.parse(IMAGE))
                .withCopyToContainer(Transferable.of(ENABLED_PLUGINS), "/etc/rabbitmq/enabled_plugins");
        container.start();
        return new ContainerBroker(container);
    }

    BrokerInfo info() {
        String hostAndPort = container.getHost() + ":" + container.getAmqpPort();
        return new BrokerInfo(BrokerKind.TESTCONTAINERS, BrokerInfo.RABBITMQ,
                "amqp://" + container.getAdminUsername() + ":" + container.getAdminPassword() + "@" + hostAndPort + "/%2F",
                "amqp://" + hostAndPort);
    }

    @Override
    public void close() {
        container.stop();
    }
}
