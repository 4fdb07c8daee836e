package io.postage.benchmarks.e2e;

import com.rabbitmq.client.ConnectionFactory;
import io.postage.PostageConfig;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;

/**
 * A broker the scenarios run against, as both Postage and the raw client reach it.
 *
 * @param name the broker's column in the tables: {@code rabbitmq} or {@code embedded}
 * @param uri its AMQP 0-9-1 URI, credentials included
 * @param directReplyTo whether it has RabbitMQ's direct reply-to (Qpid Broker-J has not)
 */
record Target(String name, String uri, boolean directReplyTo) {

    /** @return Postage's configuration for it: transport amqp091, codec jackson */
    PostageConfig postageConfig() {
        return PostageConfig.builder().uri(uri).transport("amqp091").codec("jackson").build();
    }

    /** @return an amqp-client factory for it, with the client's defaults otherwise */
    ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (URISyntaxException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an AMQP URI: " + e.getMessage(), e);
        }
        return factory;
    }
}
