package io.postage.amqp091.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import io.postage.TransportException;
import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A message from a subscription, settled manually on the subscription's channel. A reject without
 * requeue is what {@link Rejections} makes of it on the queue, never a loop. {@link #ack()} and
 * {@link #reject(boolean)} may be called from any thread (acknowledgements are single frames, which
 * the client writes atomically); a second settlement throws {@link IllegalStateException}, since the
 * broker would answer a repeated delivery tag by closing the channel.
 */
final class Amqp091Delivery implements Delivery {
    private final Channel channel;
    private final Rejections rejections;
    private final String queue;
    private final long deliveryTag;
    private final boolean redelivered;
    private final byte[] body;
    private final MessageProperties properties;
    private final AtomicBoolean settled = new AtomicBoolean();

    /**
     * @param channel the subscription's channel
     * @param rejections what a reject without requeue becomes
     * @param queue the queue consumed
     * @param deliveryTag the broker's tag for the delivery on that channel
     * @param redelivered whether the broker delivered the message before
     * @param body the body
     * @param properties the properties
     */
    Amqp091Delivery(Channel channel, Rejections rejections, String queue, long deliveryTag, boolean redelivered,
            byte[] body, MessageProperties properties) {
        this.channel = channel;
        this.rejections = rejections;
        this.queue = queue;
        this.deliveryTag = deliveryTag;
        this.redelivered = redelivered;
        this.body = body;
        this.properties = properties;
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public MessageProperties properties() {
        return properties;
    }

    @Override
    public String queue() {
        return queue;
    }

    @Override
    public boolean redelivered() {
        return redelivered;
    }

    /**
     * @throws IllegalStateException if the delivery is already settled
     * @throws TransportException if the subscription is closed (the broker then requeues the message) or
     *     the connection failed
     */
    @Override
    public void ack() {
        settle("ack");
        send("ack", () -> channel.basicAck(deliveryTag, false));
    }

    /**
     * @throws IllegalStateException if the delivery is already settled
     * @throws TransportException if the subscription is closed (the broker then requeues the message) or
     *     the connection failed
     */
    @Override
    public void reject(boolean requeue) {
        settle("reject");
        if (requeue) {
            send("reject", () -> channel.basicReject(deliveryTag, true));
        } else {
            send("reject", () -> rejections.reject(channel, deliveryTag, queue));
        }
    }

    /**
     * Rejects without requeueing, unless the delivery is settled already.
     *
     * @return whether this call settled it
     */
    boolean rejectIfUnsettled() {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        send("reject", () -> rejections.reject(channel, deliveryTag, queue));
        return true;
    }

    private void settle(String how) {
        if (!settled.compareAndSet(false, true)) {
            throw new IllegalStateException("Cannot " + how + " delivery " + deliveryTag + " from queue '" + queue
                    + "': it is settled already (ack or reject, once)");
        }
    }

    private void send(String how, Settlement settlement) {
        if (!channel.isOpen()) {
            ShutdownSignalException closed = channel.getCloseReason();
            throw new TransportException(operation(how) + ": "
                    + (closed.isInitiatedByApplication() && !closed.isHardError() ? "its subscription is closed"
                            : BrokerErrors.reason(closed))
                    + "; the broker puts the message back in the queue");
        }
        try {
            settlement.send();
        } catch (IOException | ShutdownSignalException e) {
            throw BrokerErrors.failure(operation(how), e);
        }
    }

    /** @return what failed, for the exception's message; built only on failure, not for every settlement */
    private String operation(String how) {
        return "Cannot " + how + " delivery " + deliveryTag + " from queue '" + queue + "'";
    }

    /** The frame that settles the delivery. */
    @FunctionalInterface
    private interface Settlement {
        void send() throws IOException;
    }
}
