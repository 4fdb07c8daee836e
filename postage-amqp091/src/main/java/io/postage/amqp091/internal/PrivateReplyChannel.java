package io.postage.amqp091.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.impl.recovery.QueueRecoveryListener;
import io.postage.spi.DeliveryHandler;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ReplyChannel.Kind#PRIVATE} reply channel: a server-named, exclusive, auto-deleted queue
 * consumed (automatic acknowledgement) on a channel of its own, what Postage 1.x clients wait on. It
 * serves {@link ReplyChannel.Kind#SHARED} too where the broker has no direct reply-to (Qpid Broker-J):
 * the caller matches the replies by correlation id.
 * Requests go out through the publishing channels. After a connection recovery the broker names the
 * queue anew; {@link #replyTo()} follows. Closing deletes the queue.
 */
final class PrivateReplyChannel implements ReplyChannel {
    private static final System.Logger LOG = System.getLogger(PrivateReplyChannel.class.getName());

    private final Broker broker;
    private final Channel channel;
    private final QueueRecoveryListener renamed = this::renamed;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String queue;

    private PrivateReplyChannel(Broker broker, Channel channel, String queue) {
        this.broker = broker;
        this.channel = channel;
        this.queue = queue;
    }

    /**
     * @param broker where to open the channel and declare the queue
     * @param onReply receives the replies
     * @return the reply channel, consuming
     * @throws IOException naming the broker's reason if it refuses
     */
    static PrivateReplyChannel open(Broker broker, DeliveryHandler onReply) throws IOException {
        Channel channel = broker.openChannel();
        try {
            PrivateReplyChannel replies = new PrivateReplyChannel(broker, channel, channel.queueDeclare().getQueue());
            channel.basicConsume(replies.queue, true,
                    (consumerTag, message) -> ReplyDelivery.dispatch(onReply, replies.queue, message), consumerTag -> { });
            broker.addQueueRecoveryListener(replies.renamed);
            return replies;
        } catch (IOException | RuntimeException e) {
            Channels.closeQuietly(channel);
            throw e;
        }
    }

    private void renamed(String oldName, String newName) {
        if (oldName.equals(queue)) {
            queue = newName;
        }
    }

    /** @return the queue's current name */
    @Override
    public String replyTo() {
        return queue;
    }

    @Override
    public void publish(String exchange, String routingKey, OutgoingMessage request) {
        AMQP.BasicProperties properties = PropertiesMapper.toAmqp(request.properties());
        broker.call(Broker.publishing(exchange, routingKey), () -> {
            broker.publish(exchange, routingKey, properties, request.body());
            return null;
        });
    }

    /** Deletes the queue and closes the channel; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        broker.removeQueueRecoveryListener(renamed);
        try {
            if (channel.isOpen()) {
                channel.queueDelete(queue);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Deleting reply queue {0}: {1}", queue, BrokerErrors.reason(e));
        } finally {
            Channels.closeQuietly(channel);
        }
    }
}
