package io.postage.spi;

import io.postage.PostageConfig;

/**
 * Connects to a broker over one protocol. Registered as a service; selected by {@link #id()}
 * through {@code PostageConfig.transport()}.
 */
public interface TransportProvider {

    /** @return the stable id users configure, such as {@code amqp091} or {@code amqp10} */
    String id();

    /**
     * Opens a connection.
     *
     * @param config where to connect and with which credentials
     * @param connectionName a name the broker shows for the connection (the component's fingerprint)
     * @return a connected transport
     * @throws io.postage.ConnectionException in one sentence naming the endpoint (never the
     *     password) and the reason, when the broker cannot be reached or refuses the connection
     */
    Transport connect(PostageConfig config, String connectionName);
}
