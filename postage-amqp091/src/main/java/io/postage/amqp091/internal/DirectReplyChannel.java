package io.postage.amqp091.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.postage.TransportException;
import io.postage.spi.DeliveryHandler;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link ReplyChannel.Kind#SHARED} reply channel on RabbitMQ's direct reply-to: a channel consumes
 * the pseudo-queue {@value #ADDRESS} (automatic acknowledgement) and publishes the requests, since
 * the broker routes a reply to the channel that sent its request. Publishes are serialized on that
 * channel. The exchange of a request is checked first on a pooled channel, so that a missing one
 * fails the call without closing this channel; if the broker closes it anyway, the next publish opens
 * a new one (replies to requests sent on the old one are lost).
 */
final class DirectReplyChannel implements ReplyChannel {
    private static final System.Logger LOG = System.getLogger(DirectReplyChannel.class.getName());

    /** The pseudo-queue of direct reply-to, and the reply address of every request sent here. */
    static final String ADDRESS = "amq.rabbitmq.reply-to";

    private final Broker broker;
    private final DeliveryHandler onReply;
    private final ReentrantLock lock = new ReentrantLock();
    private Channel channel;
    private boolean closed;

    private DirectReplyChannel(Broker broker, DeliveryHandler onReply) {
        this.broker = broker;
        this.onReply = onReply;
    }

    /**
     * @param broker where to open the channel
     * @param onReply receives the replies
     * @return the reply channel, consuming
     * @throws IOException naming the broker's reason if it refuses (a broker without direct reply-to)
     */
    static DirectReplyChannel open(Broker broker, DeliveryHandler onReply) throws IOException {
        DirectReplyChannel replies = new DirectReplyChannel(broker, onReply);
        replies.channel = replies.consume();
        return replies;
    }

    private Channel consume() throws IOException {
        Channel consuming = broker.openChannel();
        try {
            consuming.basicConsume(ADDRESS, true,
                    (consumerTag, message) -> ReplyDelivery.dispatch(onReply, ADDRESS, message), consumerTag -> { });
            return consuming;
        } catch (IOException | RuntimeException e) {
            Channels.closeQuietly(consuming);
            throw e;
        }
    }

    /** @return {@value #ADDRESS}; the broker puts the channel's own address in each request */
    @Override
    public String replyTo() {
        return ADDRESS;
    }

    @Override
    public void publish(String exchange, String routingKey, OutgoingMessage request) {
        AMQP.BasicProperties properties = PropertiesMapper.toAmqp(request.properties());
        Supplier<String> operation = Broker.publishing(exchange, routingKey);
        broker.call(operation, () -> {
            broker.checkExchange(exchange);
            lock.lock();
            try {
                if (closed) {
                    throw new TransportException(operation.get() + ": the reply channel is closed");
                }
                if (!Channels.usable(channel)) {
                    LOG.log(Level.INFO, "Reopening the direct reply-to channel the broker closed ({0})",
                            BrokerErrors.reason(channel.getCloseReason()));
                    channel = consume();
                }
                channel.basicPublish(exchange, routingKey, properties, request.body());
            } finally {
                lock.unlock();
            }
            return null;
        });
    }

    /** Closes the channel; idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                Channels.closeQuietly(channel);
            }
        } finally {
            lock.unlock();
        }
    }
}
