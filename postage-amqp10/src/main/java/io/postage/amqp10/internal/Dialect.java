package io.postage.amqp10.internal;

import io.postage.Exchange;
import io.postage.QueueSpec;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.net.URI;

/**
 * What differs between AMQP 1.0 brokers: how an exchange and routing key, a queue, and a reply address
 * are written as AMQP 1.0 addresses; where a reply queue comes from; and how exchanges, queues and
 * bindings are declared, which AMQP 1.0 itself cannot do. Implementations are thread-safe.
 */
interface Dialect extends AutoCloseable {

    /** @return the broker's name, for messages: {@code RabbitMQ}, {@code Qpid Broker-J}, ... */
    String name();

    /**
     * @param exchange the exchange ({@code ""} for the default exchange)
     * @param routingKey the routing key
     * @return the address to send to
     * @throws io.postage.TransportException if the exchange does not exist (where the broker cannot say so quickly)
     */
    String sendAddress(String exchange, String routingKey);

    /**
     * @param queue the queue name
     * @return the address to consume from
     * @throws io.postage.TransportException if the queue does not exist (where the broker cannot say so quickly)
     */
    String consumeAddress(String queue);

    /**
     * @param address a received message's AMQP {@code reply-to}
     * @return the reply address as Postage shows it ({@link io.postage.spi.MessageProperties#replyTo()})
     */
    default String receivedReplyTo(String address) {
        return address;
    }

    /**
     * @param replyTo a reply address as Postage gives it (a reply queue's {@code replyTo()}, or a queue name)
     * @return the address to put in a request's AMQP {@code reply-to}
     */
    String replyToAddress(String replyTo);

    /**
     * @param replyTo a request's reply address as received, in whatever form the requester's protocol wrote it
     * @return the address to send the reply to
     */
    String replyAddress(String replyTo);

    /**
     * @param session the session that will consume the queue
     * @return a new queue for RPC replies, only this transport reads
     * @throws JMSException if the broker refuses
     */
    ReplyQueue openReplyQueue(Session session) throws JMSException;

    /** @param exchange the exchange to declare, or to check when passive; not the default exchange */
    void declareExchange(Exchange exchange);

    /**
     * @param queue the queue to declare
     * @return its name, chosen here for a server-named queue
     */
    String declareQueue(QueueSpec queue);

    /**
     * Declares a queue again, under the name it got the first time (a server-named one too).
     *
     * @param name the queue's name
     * @param queue how it was declared
     */
    void redeclareQueue(String name, QueueSpec queue);

    /**
     * Declares again what the transport declared, which a broker restart may have removed. Called on Qpid
     * JMS's failover thread after it reconnected and before it re-creates sessions, consumers and
     * producers, so it must not use the transport's connection.
     *
     * @param declarations what the transport declared
     * @param broker the broker failover reconnected to
     */
    default void redeclare(Declarations declarations, URI broker) {
        declarations.replayTo(this);
    }

    /**
     * @param queue the queue
     * @param exchange the exchange
     * @param routingKey the binding key
     */
    void bind(String queue, String exchange, String routingKey);

    /**
     * Removes a binding; one that does not exist is no error.
     *
     * @param queue the queue
     * @param exchange the exchange
     * @param routingKey the binding key
     */
    void unbind(String queue, String exchange, String routingKey);

    /**
     * @param queue a queue about to be consumed
     * @return how a delivery from it is settled to drop it or dead-letter it, never to requeue it
     */
    Disposition refusal(String queue);

    /** Deletes the private queues declared through this dialect and releases its resources; idempotent. */
    @Override
    void close();
}
