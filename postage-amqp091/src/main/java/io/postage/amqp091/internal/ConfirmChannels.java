package io.postage.amqp091.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownListener;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The channels that carry confirmed publishes, apart from the unconfirmed publishing pool so that the
 * fast path never pays for confirms. Publishes take the channels in turn; each channel pipelines its
 * publishes (no waiting for one confirm before the next publish). A channel opens on first use; one the
 * broker closed for an error is replaced on the next publish, one lost with the connection is reopened
 * in place by automatic recovery.
 */
final class ConfirmChannels {
    /** How many channels; each opens on its first publish. */
    static final int SIZE = 4;

    private final Broker broker;
    private final ShutdownListener onClose;
    private final AtomicReferenceArray<ConfirmChannel> channels = new AtomicReferenceArray<>(SIZE);
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param broker where the channels open
     * @param onClose told when one of the channels closes
     */
    ConfirmChannels(Broker broker, ShutdownListener onClose) {
        this.broker = broker;
        this.onClose = onClose;
    }

    /**
     * @param exchange the exchange name
     * @param routingKey the routing key
     * @param mandatory whether the broker returns the message if no queue takes it
     * @param properties the message properties
     * @param body the body
     * @return completes when the broker confirms the message, or fails with a {@link io.postage.PublishException}
     * @throws IOException if the publish cannot be sent
     */
    CompletableFuture<Void> publish(String exchange, String routingKey, boolean mandatory,
            AMQP.BasicProperties properties, byte[] body) throws IOException {
        return channel(Math.floorMod(next.getAndIncrement(), SIZE))
                .publish(exchange, routingKey, mandatory, properties, body);
    }

    private ConfirmChannel channel(int slot) throws IOException {
        ConfirmChannel channel = channels.get(slot);
        if (channel != null && channel.usable()) {
            return channel;
        }
        synchronized (this) {
            channel = channels.get(slot);
            if (channel == null || !channel.usable()) {
                channel = ConfirmChannel.open(broker.openChannel(), onClose);
                channels.set(slot, channel);
            }
            return channel;
        }
    }
}
