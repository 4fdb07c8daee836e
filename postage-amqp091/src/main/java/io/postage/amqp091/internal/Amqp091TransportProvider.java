package io.postage.amqp091.internal;

import io.postage.PostageConfig;
import io.postage.spi.Transport;
import io.postage.spi.TransportProvider;

/**
 * The AMQP 0-9-1 transport, id {@value #ID}: one automatically recovering connection of the RabbitMQ
 * Java client per {@link Transport}.
 *
 * {@snippet :
 * Transport transport = Providers.transport("amqp091").connect(PostageConfig.fromEnvironment(), "echo_send");
 * }
 */
public final class Amqp091TransportProvider implements TransportProvider {

    /** The id users configure. */
    public static final String ID = "amqp091";

    /** Called by {@link java.util.ServiceLoader}. */
    public Amqp091TransportProvider() {
    }

    /** @return {@value #ID} */
    @Override
    public String id() {
        return ID;
    }

    /**
     * @param config where to connect and with which credentials
     * @param connectionName the client-provided name the broker shows for the connection
     * @return a connected transport
     * @throws io.postage.ConnectionException naming the endpoint and the reason, within about 5 seconds
     */
    @Override
    public Transport connect(PostageConfig config, String connectionName) {
        return Amqp091Transport.connect(new ConnectionOpener(), config, connectionName);
    }
}
