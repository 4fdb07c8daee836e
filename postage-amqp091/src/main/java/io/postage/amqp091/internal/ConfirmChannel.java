package io.postage.amqp091.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import io.postage.PublishException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One channel in confirm mode and the publishes it has pending, by publish sequence number. Publishing
 * is serialized (a sequence number must go with its publish); confirms arrive on the connection's
 * thread and complete the publishes' futures, a {@code multiple} ack all those up to its number.
 *
 * <p>Mandatory publishes carry their sequence number as the AMQP {@code message-id}
 * ({@value #ID_PREFIX}{@code <n>}): the broker sends a {@code basic.return} before the ack (or, on
 * Qpid Broker-J, the nack) of the same message, on the same channel, so the return marks the publish
 * and its confirm then fails it as {@link PublishException.Reason#UNROUTABLE}. Qpid Broker-J nacks a
 * returned message and sends the return after the nack: a nacked mandatory publish therefore waits
 * {@link #RETURN_GRACE} for its return before it fails as {@link PublishException.Reason#REFUSED}.
 *
 * <p>When the channel closes (a broker error, a lost connection) every pending publish fails as
 * {@link PublishException.Reason#LOST}: the broker may or may not have stored them, and the caller may
 * publish them again. After a connection loss automatic recovery reopens the channel in confirm mode,
 * numbering from 1 again; the pending map is replaced on the loss, so numbers never mix.
 */
final class ConfirmChannel implements ConfirmListener {
    /** The start of the message id of a mandatory publish. */
    static final String ID_PREFIX = "postage-publish-";
    /** How long a nacked mandatory publish waits for a return that explains the nack. */
    static final Duration RETURN_GRACE = Duration.ofSeconds(1);
    private static final Executor AFTER_GRACE =
            CompletableFuture.delayedExecutor(RETURN_GRACE.toMillis(), TimeUnit.MILLISECONDS);

    private static final String REFUSED = "the broker nacked it";

    private final Channel channel;
    private final ReentrantLock publishing = new ReentrantLock();
    private volatile ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();
    /** Nacked mandatory publishes waiting for their return, by sequence number. */
    private final Map<Long, Pending> nacked = new ConcurrentHashMap<>();

    private ConfirmChannel(Channel channel) {
        this.channel = channel;
    }

    /**
     * @param channel a new channel, put in confirm mode here
     * @param onClose told when the channel closes, after its pending publishes failed
     * @return the confirm channel
     * @throws IOException if the broker refuses confirm mode or the connection fails
     */
    static ConfirmChannel open(Channel channel, ShutdownListener onClose) throws IOException {
        ConfirmChannel confirms = new ConfirmChannel(channel);
        channel.confirmSelect();
        channel.addConfirmListener(confirms);
        channel.addReturnListener(confirms::returned);
        channel.addShutdownListener(signal -> {
            confirms.lost(signal);
            onClose.shutdownCompleted(signal);
        });
        return confirms;
    }

    /** @return whether publishes can go on this channel (automatic recovery reopens one lost with the connection) */
    boolean usable() {
        return Channels.usable(channel);
    }

    /**
     * @param exchange the exchange name
     * @param routingKey the routing key
     * @param mandatory whether the broker returns the message if no queue takes it
     * @param properties the message properties
     * @param body the body
     * @return completes when the broker confirms the message
     * @throws IOException if the publish cannot be sent
     */
    CompletableFuture<Void> publish(String exchange, String routingKey, boolean mandatory,
            AMQP.BasicProperties properties, byte[] body) throws IOException {
        Pending publish = new Pending(exchange, routingKey, mandatory);
        publishing.lock();
        try {
            ConcurrentNavigableMap<Long, Pending> current = pending;
            long sequence = channel.getNextPublishSeqNo();
            AMQP.BasicProperties sent = mandatory
                    ? properties.builder().messageId(ID_PREFIX + sequence).build() : properties;
            current.put(sequence, publish);
            try {
                channel.basicPublish(exchange, routingKey, mandatory, false, sent, body);
            } catch (IOException | RuntimeException e) {
                current.remove(sequence);
                throw e;
            }
        } finally {
            publishing.unlock();
        }
        return publish.confirmed;
    }

    @Override
    public void handleAck(long sequence, boolean multiple) {
        settled(sequence, multiple).forEach((number, publish) -> publish.settle(null));
    }

    @Override
    public void handleNack(long sequence, boolean multiple) {
        settled(sequence, multiple).forEach((number, publish) -> {
            if (publish.mandatory && publish.returned == null) {
                nacked.put(number, publish);
                AFTER_GRACE.execute(() -> {
                    if (nacked.remove(number, publish)) {
                        publish.settle(REFUSED);
                    }
                });
            } else {
                publish.settle(REFUSED);
            }
        });
    }

    private Map<Long, Pending> settled(long sequence, boolean multiple) {
        ConcurrentNavigableMap<Long, Pending> current = pending;
        if (multiple) {
            Map<Long, Pending> settled = current.headMap(sequence, true);
            Map<Long, Pending> copy = Map.copyOf(settled);
            settled.keySet().removeAll(copy.keySet());
            return copy;
        }
        Pending publish = current.remove(sequence);
        return publish == null ? Map.of() : Map.of(sequence, publish);
    }

    private void returned(Return returned) {
        String id = returned.getProperties().getMessageId();
        if (id == null || !id.startsWith(ID_PREFIX)) {
            return;
        }
        long sequence;
        try {
            sequence = Long.parseLong(id.substring(ID_PREFIX.length()));
        } catch (NumberFormatException e) {
            return; // not one of ours: a message id that merely starts like ours
        }
        String reason = returned.getReplyCode() + " " + returned.getReplyText();
        Pending waiting = nacked.remove(sequence);
        if (waiting != null) {
            waiting.returned = reason;
            waiting.settle(REFUSED);
            return;
        }
        Pending publish = pending.get(sequence);
        if (publish != null) {
            publish.returned = reason;
        }
    }

    private void lost(ShutdownSignalException signal) {
        ConcurrentNavigableMap<Long, Pending> lost = pending;
        pending = new ConcurrentSkipListMap<>();
        String reason = BrokerErrors.reason(signal);
        lost.values().forEach(publish -> publish.confirmed.completeExceptionally(new PublishException(
                publish.exchange, publish.routingKey, PublishException.Reason.LOST, reason, signal)));
        lost.clear();
        Map<Long, Pending> unexplained = Map.copyOf(nacked);
        nacked.keySet().removeAll(unexplained.keySet());
        unexplained.values().forEach(publish -> publish.settle(REFUSED));
    }

    /** A publish waiting for its confirm. */
    private static final class Pending {
        final String exchange;
        final String routingKey;
        final boolean mandatory;
        final CompletableFuture<Void> confirmed = new CompletableFuture<>();
        volatile String returned;

        Pending(String exchange, String routingKey, boolean mandatory) {
            this.exchange = exchange;
            this.routingKey = routingKey;
            this.mandatory = mandatory;
        }

        void settle(String refusal) {
            if (returned != null) {
                confirmed.completeExceptionally(new PublishException(exchange, routingKey,
                        PublishException.Reason.UNROUTABLE, "returned by the broker: " + returned));
            } else if (refusal != null) {
                confirmed.completeExceptionally(new PublishException(exchange, routingKey,
                        PublishException.Reason.REFUSED, refusal));
            } else {
                confirmed.complete(null);
            }
        }
    }
}
