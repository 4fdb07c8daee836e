package io.postage.amqp091.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.postage.TransportException;
import io.postage.spi.DeliveryHandler;
import io.postage.spi.Subscription;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A consumer with manual acknowledgement on a channel of its own, whose prefetch bounds the unsettled
 * deliveries. The client calls the handler for one delivery at a time. A handler that throws gets its
 * delivery rejected without requeueing (dropped or dead-lettered, never looping: see {@link Rejections}),
 * unless it settled it.
 * Cancelling sends {@code basic.cancel} and keeps the channel open, so the deliveries received can still be
 * settled; closing the subscription closes the channel: the broker puts the unsettled deliveries back in the queue.
 */
final class Amqp091Subscription implements Subscription {
    private static final System.Logger LOG = System.getLogger(Amqp091Subscription.class.getName());

    private final String queue;
    private final Channel channel;
    private final Rejections rejections;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String consumerTag;

    private Amqp091Subscription(String queue, Channel channel, Rejections rejections) {
        this.queue = queue;
        this.channel = channel;
        this.rejections = rejections;
    }

    /**
     * @param broker where to open the channel
     * @param queue the queue to consume
     * @param prefetch how many unsettled deliveries the broker may send at once
     * @param handler receives the deliveries
     * @return the running subscription
     * @throws IOException naming the broker's reason if it refuses (a missing queue, an exclusive one)
     */
    static Amqp091Subscription start(Broker broker, String queue, int prefetch, DeliveryHandler handler)
            throws IOException {
        Channel channel = broker.openChannel();
        try {
            channel.basicQos(prefetch);
            Amqp091Subscription subscription = new Amqp091Subscription(queue, channel, broker.rejections());
            subscription.consumerTag = channel.basicConsume(queue, false,
                    (tag, message) -> subscription.deliver(handler, message), tag -> subscription.cancelledByBroker());
            return subscription;
        } catch (IOException | RuntimeException e) {
            Channels.closeQuietly(channel);
            throw e;
        }
    }

    private void deliver(DeliveryHandler handler, com.rabbitmq.client.Delivery message) {
        Envelope envelope = message.getEnvelope();
        Amqp091Delivery delivery = new Amqp091Delivery(channel, rejections, queue, envelope.getDeliveryTag(),
                envelope.isRedeliver(), message.getBody(), PropertiesMapper.fromAmqp(message.getProperties()));
        try {
            handler.handle(delivery);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The handler of queue '" + queue + "' failed on delivery "
                    + envelope.getDeliveryTag() + "; the delivery is rejected unless it was settled", e);
            try {
                delivery.rejectIfUnsettled();
            } catch (TransportException rejectFailed) {
                LOG.log(Level.DEBUG, rejectFailed.getMessage());
            }
        }
    }

    private void cancelledByBroker() {
        LOG.log(Level.WARNING, "The broker cancelled the consumer of queue ''{0}'' (was the queue deleted?)", queue);
    }

    @Override
    public String queue() {
        return queue;
    }

    /**
     * Cancels the consumer with {@code basic.cancel}, keeping the channel open for the settlements to come.
     * A failure is only logged: closing the channel later gives every unsettled delivery back anyway.
     */
    @Override
    public void cancel() {
        String tag = consumerTag;
        if (tag == null || !cancelled.compareAndSet(false, true) || !channel.isOpen()) {
            return;
        }
        try {
            channel.basicCancel(tag);
        } catch (IOException | ShutdownSignalException e) {
            LOG.log(Level.DEBUG, "Cancelling the consumer of queue ''{0}'': {1}", queue, e.getMessage());
        }
    }

    /** Closes the channel, which cancels the consumer and requeues the unsettled deliveries; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Channels.closeQuietly(channel);
        }
    }
}
