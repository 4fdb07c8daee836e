package io.postage.amqp10.internal;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

/**
 * Qpid-style AMQP 1.0 addresses, shared by Qpid Broker-J and brokers not known here:
 * {@code exchange/routingKey} to send (the routing key alone for the default exchange), the queue's
 * name to consume, reply addresses as they are, and temporary queues for replies.
 */
interface QpidAddressing extends Dialect {

    @Override
    default String sendAddress(String exchange, String routingKey) {
        return exchange.isEmpty() ? routingKey : exchange + "/" + routingKey;
    }

    @Override
    default String consumeAddress(String queue) {
        return queue;
    }

    @Override
    default String replyToAddress(String replyTo) {
        return replyTo;
    }

    /** A temporary queue; Qpid JMS re-creates it after failover reconnects, under a new name the broker gives. */
    @Override
    default ReplyQueue openReplyQueue(Session session) throws JMSException {
        TemporaryQueue queue = session.createTemporaryQueue();
        return new ReplyQueue(queue, () -> nameOf(queue), queue::delete);
    }

    private static String nameOf(TemporaryQueue queue) {
        try {
            return queue.getQueueName();
        } catch (JMSException e) {
            throw JmsErrors.failure("Cannot read the name of reply queue " + queue, e);
        }
    }
}
