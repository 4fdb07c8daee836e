package io.postage.amqp091.internal;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a reject without requeue becomes, queue by queue, so that it never loops. Where the broker
 * takes a rejected message off the queue (RabbitMQ: dropped or dead-lettered), it is a
 * {@code basic.reject}. Qpid Broker-J puts it back instead, unless the queue has a maximum delivery
 * count, which only the queues this transport declared with a dead-letter exchange are known to have:
 * on those it is a {@code basic.reject} too (the broker dead-letters the message); on any other queue
 * the message is acknowledged, that is dropped, with a warning.
 */
final class Rejections {
    private static final System.Logger LOG = System.getLogger(Rejections.class.getName());

    private final BrokerDialect dialect;
    private final Set<String> deadLettered = ConcurrentHashMap.newKeySet();

    /** @param dialect the broker's dialect */
    Rejections(BrokerDialect dialect) {
        this.dialect = dialect;
    }

    /** @param queue a queue this transport declared with a dead-letter exchange */
    void deadLettered(String queue) {
        deadLettered.add(queue);
    }

    /**
     * Rejects a delivery without requeueing it.
     *
     * @param channel the channel the delivery came on
     * @param deliveryTag its tag
     * @param queue its queue
     * @throws IOException if the channel or connection fails
     */
    void reject(Channel channel, long deliveryTag, String queue) throws IOException {
        if (dialect.rejectRemovesMessage() || deadLettered.contains(queue)) {
            channel.basicReject(deliveryTag, false);
            return;
        }
        channel.basicAck(deliveryTag, false);
        LOG.log(Level.WARNING, "Dropped a message rejected from queue ''{0}'': {1} would deliver it again, and the queue"
                + " was not declared with a dead-letter exchange (QueueSpec.withDeadLetterExchange)", queue,
                dialect.broker());
    }
}
