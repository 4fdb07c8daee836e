package io.postage.amqp091.internal;

import com.rabbitmq.client.AMQP;
import io.postage.Exchange;
import io.postage.PostageConfig;
import io.postage.QueueSpec;
import io.postage.spi.DeliveryHandler;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.PublishOptions;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Subscription;
import io.postage.spi.Transport;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The AMQP 0-9-1 {@link Transport}: one automatically recovering connection whose channels divide
 * the work. Publishes borrow a channel from a small pool; each subscription and each reply channel
 * has a channel of its own; declarations are recorded on a channel of their own (see
 * {@link Topology}). A channel the broker closes for an error is replaced, and the error becomes a
 * {@link io.postage.TransportException} naming the operation, the exchange or queue, and the broker's
 * reply text.
 *
 * <p>What the broker does differently (Qpid Broker-J has no direct reply-to, refuses RabbitMQ's queue
 * arguments, puts rejected messages back) its {@link BrokerDialect} absorbs; see docs/BROKERS.md.
 *
 * <p>{@link #publish} is not confirmed by the broker; {@link #publishConfirmed} uses channels in confirm
 * mode of their own. The first publish to an exchange checks that it
 * exists, so that a missing one fails with {@code NOT_FOUND} at once; an exchange deleted later makes
 * the broker drop the message and close the channel, which is logged.
 */
final class Amqp091Transport implements Transport {

    private final Broker broker;
    private final Topology topology;

    private Amqp091Transport(Broker broker) {
        this.broker = broker;
        this.topology = new Topology(broker);
    }

    /**
     * @param opener how to open the connection
     * @param config where to connect
     * @param connectionName the client-provided name the broker shows
     * @return the connected transport
     * @throws io.postage.ConnectionException if the broker cannot be reached or refuses the connection
     */
    static Amqp091Transport connect(ConnectionOpener opener, PostageConfig config, String connectionName) {
        return new Amqp091Transport(Broker.connect(opener, config, connectionName));
    }

    @Override
    public void declareExchange(Exchange exchange) {
        if (exchange.isDefault()) {
            return;
        }
        broker.call("Cannot declare exchange '" + exchange.name() + "'", () -> {
            topology.declareExchange(exchange);
            return null;
        });
    }

    /**
     * @throws io.postage.UnsupportedFeatureException before anything is sent, if the broker would refuse
     *     one of the queue's arguments (Qpid Broker-J refuses RabbitMQ's {@code x-message-ttl}, ...)
     */
    @Override
    public String declareQueue(QueueSpec queue) {
        Map<String, Object> arguments = broker.dialect().queueArguments(queue);
        String operation = (queue.isServerNamed() ? "Cannot declare a server-named queue"
                : "Cannot declare queue '" + queue.name() + "'")
                + queue.deadLetter().map(exchange -> " with dead-letter exchange '" + exchange + "'").orElse("");
        return broker.call(operation, () -> topology.declareQueue(queue, arguments));
    }

    @Override
    public void bindQueue(String queue, String exchange, String routingKey) {
        broker.call("Cannot bind queue '" + queue + "' to exchange '" + exchange + "' with routing key '"
                + routingKey + "'", () -> {
                    topology.bind(queue, exchange, routingKey);
                    return null;
                });
    }

    @Override
    public void unbindQueue(String queue, String exchange, String routingKey) {
        broker.call("Cannot unbind queue '" + queue + "' from exchange '" + exchange + "' with routing key '"
                + routingKey + "'", () -> {
                    topology.unbind(queue, exchange, routingKey);
                    return null;
                });
    }

    @Override
    public void publish(String exchange, String routingKey, OutgoingMessage message) {
        send(Broker.publishing(exchange, routingKey), exchange, routingKey, message);
    }

    /**
     * Publishes on a channel in confirm mode (see {@link ConfirmChannel}); a mandatory publish carries a
     * message id of its own to match the broker's return with its confirm.
     */
    @Override
    public CompletableFuture<Void> publishConfirmed(String exchange, String routingKey, OutgoingMessage message,
            PublishOptions options) {
        AMQP.BasicProperties properties = PropertiesMapper.toAmqp(message.properties());
        return broker.call(Broker.publishing(exchange, routingKey), () -> broker.publishConfirmed(exchange, routingKey,
                options.mandatory(), properties, message.body()));
    }

    /**
     * @throws IllegalArgumentException if {@code prefetch} is below 1
     */
    @Override
    public Subscription consume(String queue, int prefetch, DeliveryHandler handler) {
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, not " + prefetch);
        }
        Objects.requireNonNull(handler, "handler");
        return broker.call("Cannot consume queue '" + queue + "'",
                () -> Amqp091Subscription.start(broker, queue, prefetch, handler));
    }

    /**
     * Opens direct reply-to for {@link ReplyChannel.Kind#SHARED} where the broker has it (RabbitMQ), and
     * otherwise, as for {@link ReplyChannel.Kind#PRIVATE}, a server-named exclusive queue.
     */
    @Override
    public ReplyChannel openReplyChannel(ReplyChannel.Kind kind, DeliveryHandler onReply) {
        Objects.requireNonNull(onReply, "onReply");
        boolean direct = kind == ReplyChannel.Kind.SHARED && broker.dialect().directReplyTo();
        return broker.call("Cannot open a " + kind.name().toLowerCase(Locale.ROOT) + " reply channel",
                () -> direct ? DirectReplyChannel.open(broker, onReply) : PrivateReplyChannel.open(broker, onReply));
    }

    /** Publishes to the default exchange with the reply address as routing key. */
    @Override
    public void reply(String replyTo, OutgoingMessage reply) {
        ReplyAddress address = ReplyAddress.parse(replyTo);
        send(() -> "Cannot send a reply to '" + replyTo + "'", address.exchange(), address.routingKey(), reply);
    }

    private void send(Supplier<String> operation, String exchange, String routingKey, OutgoingMessage message) {
        AMQP.BasicProperties properties = PropertiesMapper.toAmqp(message.properties());
        broker.call(operation, () -> {
            broker.publish(exchange, routingKey, properties, message.body());
            return null;
        });
    }

    /** Closes the connection and, with it, every subscription and reply channel; idempotent. */
    @Override
    public void close() {
        broker.close();
    }

    /** @return the name the broker shows for the connection */
    String connectionName() {
        return broker.connectionName();
    }
}
