package io.postage.benchmarks.e2e;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.postage.PostageConfig;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeoutException;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.policy.JmsDefaultPrefetchPolicy;

/**
 * A broker the scenarios run against, as both Postage and the raw clients reach it.
 *
 * @param name the broker's column in the tables: {@code rabbitmq} or {@code embedded}
 * @param uri its AMQP 0-9-1 URI, credentials and vhost {@code /} included
 * @param uri10 the URI Postage's amqp10 transport takes (for RabbitMQ the same; for Broker-J its AMQP 1.0 form)
 * @param rabbitmq whether it is RabbitMQ (direct reply-to, {@code /exchange/X/K} addresses) rather than
 *     Qpid Broker-J (no direct reply-to, {@code X/K} addresses)
 */
record Target(String name, String uri, String uri10, boolean rabbitmq) {
    /** The transport ids of Postage's two transports. */
    static final String AMQP091 = "amqp091";
    static final String AMQP10 = "amqp10";

    /** @return Postage's configuration for it: transport amqp091, codec jackson */
    PostageConfig postageConfig() {
        return postageConfig(AMQP091);
    }

    /**
     * @param transport {@value #AMQP091} or {@value #AMQP10}
     * @return Postage's configuration for it: that transport, codec jackson
     */
    PostageConfig postageConfig(String transport) {
        return PostageConfig.builder().uri(transport.equals(AMQP10) ? uri10 : uri).transport(transport).codec("jackson")
                .build();
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

    /**
     * @param prefetch the credit of each consumer
     * @return a Qpid JMS factory for it, with the client's defaults otherwise
     */
    JmsConnectionFactory jmsConnectionFactory(int prefetch) {
        ConnectionFactory amqp = connectionFactory();
        JmsConnectionFactory factory = new JmsConnectionFactory(amqp.getUsername(), amqp.getPassword(),
                "amqp://" + amqp.getHost() + ":" + amqp.getPort());
        JmsDefaultPrefetchPolicy policy = new JmsDefaultPrefetchPolicy();
        policy.setAll(prefetch);
        factory.setPrefetchPolicy(policy);
        return factory;
    }

    /**
     * @param exchange an exchange
     * @param routingKey a routing key
     * @return the AMQP 1.0 address that sends to them
     */
    String sendAddress(String exchange, String routingKey) {
        return rabbitmq ? "/exchange/" + exchange + "/" + routingKey : exchange + "/" + routingKey;
    }

    /**
     * @param queue an existing queue
     * @return the AMQP 1.0 address that consumes from it, or that sends to it through the default exchange
     */
    String queueAddress(String queue) {
        return rabbitmq ? "/amq/queue/" + queue : queue;
    }

    /**
     * Declares, over AMQP 0-9-1 (AMQP 1.0 cannot), a direct exchange and a queue bound to it with
     * {@code routingKey}, both deleted by the returned handle. A raw AMQP 1.0 user declares the same way.
     *
     * @param name the exchange's and the queue's name
     * @param routingKey the binding's key
     * @return what deletes them
     * @throws IOException if the broker refuses
     * @throws TimeoutException if the broker does not answer
     */
    Declared declare(String name, String routingKey) throws IOException, TimeoutException {
        try (Connection connection = connectionFactory().newConnection("bench declare")) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare(name, BuiltinExchangeType.DIRECT, false, false, null);
            channel.queueDeclare(name, false, false, false, null);
            if (routingKey != null) {
                channel.queueBind(name, name, routingKey);
            }
        }
        return () -> {
            try (Connection connection = connectionFactory().newConnection("bench delete")) {
                Channel channel = connection.createChannel();
                channel.queueDelete(name);
                channel.exchangeDelete(name);
            }
        };
    }

    /** Deletes what {@link #declare} declared. */
    @FunctionalInterface
    interface Declared extends AutoCloseable {
        /**
         * @throws IOException if the broker refuses
         * @throws TimeoutException if the broker does not answer
         */
        @Override
        void close() throws IOException, TimeoutException;
    }
}
