package io.postage.amqp10.internal;

import io.postage.ConnectionState;
import io.postage.Exchange;
import io.postage.QueueSpec;
import io.postage.TransportException;
import io.postage.UnsupportedFeatureException;
import io.postage.spi.ConnectionStates;
import io.postage.spi.DeliveryHandler;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.PublishOptions;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Subscription;
import io.postage.spi.Transport;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The AMQP 1.0 {@link Transport}: one Qpid JMS connection. Publishes borrow a session from a
 * {@link Publisher}; each subscription and each reply channel has a session of its own. Addresses,
 * reply queues and declarations are the {@link Dialect}'s: RabbitMQ's, Qpid Broker-J's or a generic
 * broker's. A broker's refusal becomes a {@link TransportException} naming the operation, the exchange or
 * queue, and the broker's reason. With failover, what it declared ({@link Declarations}) is declared again
 * after a reconnection, before the consumers are re-attached ({@link RedeclaringProvider}).
 */
final class Amqp10Transport implements Transport {
    private static final System.Logger LOG = System.getLogger(Amqp10Transport.class.getName());

    private final Connection connection;
    private final Consuming consuming;
    private final Dialect dialect;
    private final Declarations declarations;
    private final Publisher publisher;
    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ConnectionStates states;

    /**
     * @param connection the started connection
     * @param prefetchPolicy the connection's prefetch policy
     * @param dialect the broker's dialect; the transport closes it
     * @param declarations where the transport records what it declares, to be declared again after a
     *     reconnection
     * @param states the connection's state, which the connection's listener keeps up to date
     */
    Amqp10Transport(Connection connection, SessionPrefetch prefetchPolicy, Dialect dialect, Declarations declarations,
            ConnectionStates states) {
        this.states = states;
        this.connection = connection;
        this.consuming = new Consuming(connection, prefetchPolicy, dialect, new RecentReleases());
        this.dialect = dialect;
        this.declarations = declarations;
        this.publisher = new Publisher(connection);
    }

    @Override
    public void declareExchange(Exchange exchange) {
        checkOpen("Cannot declare exchange '" + exchange.name() + "'");
        if (!exchange.isDefault()) {
            dialect.declareExchange(exchange);
            if (!exchange.passive()) {
                declarations.exchange(exchange);
            }
        }
    }

    @Override
    public String declareQueue(QueueSpec queue) {
        checkOpen("Cannot declare queue '" + queue.name() + "'");
        String name = dialect.declareQueue(queue);
        declarations.queue(name, queue);
        return name;
    }

    @Override
    public void bindQueue(String queue, String exchange, String routingKey) {
        checkOpen("Cannot bind queue '" + queue + "'");
        dialect.bind(queue, exchange, routingKey);
        declarations.bound(new Declarations.Binding(queue, exchange, routingKey));
    }

    @Override
    public void unbindQueue(String queue, String exchange, String routingKey) {
        checkOpen("Cannot unbind queue '" + queue + "'");
        dialect.unbind(queue, exchange, routingKey);
        declarations.unbound(new Declarations.Binding(queue, exchange, routingKey));
    }

    @Override
    public void publish(String exchange, String routingKey, OutgoingMessage message) {
        String operation = "Cannot publish to exchange '" + exchange + "' with routing key '" + routingKey + "'";
        checkOpen(operation);
        send(operation, dialect.sendAddress(exchange, routingKey), message);
    }

    /**
     * Sends asynchronously and completes with the broker's disposition: accepted confirms; rejected,
     * released or modified fail as refused; a closed link or connection fails as lost.
     *
     * @throws UnsupportedFeatureException for a mandatory publish: neither RabbitMQ's AMQP 1.0 plugin nor
     *     Qpid Broker-J tells an AMQP 1.0 sender that no queue took its message (docs/BROKERS.md)
     */
    @Override
    public CompletableFuture<Void> publishConfirmed(String exchange, String routingKey, OutgoingMessage message,
            PublishOptions options) {
        String operation = "Cannot publish to exchange '" + exchange + "' with routing key '" + routingKey + "'";
        checkOpen(operation);
        if (options.mandatory()) {
            throw new UnsupportedFeatureException(operation + " as mandatory: the " + dialect.name() + " broker does"
                    + " not tell an AMQP 1.0 sender that no queue took a message; use the amqp091 transport for"
                    + " mandatory publishing, or confirms alone");
        }
        try {
            return publisher.sendConfirmed(dialect.sendAddress(exchange, routingKey), message,
                    message.properties().replyTo().map(dialect::replyToAddress))
                    .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                            JmsErrors.publishFailure(exchange, routingKey, failure)));
        } catch (JMSException e) {
            throw JmsErrors.failure(operation, e);
        }
    }

    /** Sends to the address the dialect makes of the requester's reply address. */
    @Override
    public void reply(String replyTo, OutgoingMessage reply) {
        String operation = "Cannot send a reply to '" + replyTo + "'";
        checkOpen(operation);
        send(operation, dialect.replyAddress(replyTo), reply);
    }

    private void send(String operation, String address, OutgoingMessage message) {
        try {
            publisher.send(address, message, message.properties().replyTo().map(dialect::replyToAddress));
        } catch (JMSException e) {
            throw JmsErrors.failure(operation, e);
        }
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
        String operation = "Cannot consume queue '" + queue + "'";
        checkOpen(operation);
        try {
            return track(Amqp10Subscription.start(consuming, queue, prefetch, handler, open::remove));
        } catch (InvalidDestinationException e) {
            throw new TransportException(operation + ": NOT_FOUND - no queue '" + queue + "' (" + JmsErrors.reason(e) + ")",
                    e);
        } catch (JMSException e) {
            throw JmsErrors.failure(operation, e);
        }
    }

    /** Opens a reply queue of the dialect's; both kinds are the same over AMQP 1.0. */
    @Override
    public ReplyChannel openReplyChannel(ReplyChannel.Kind kind, DeliveryHandler onReply) {
        Objects.requireNonNull(onReply, "onReply");
        String operation = "Cannot open a " + kind.name().toLowerCase(Locale.ROOT) + " reply channel";
        checkOpen(operation);
        try {
            return track(Amqp10ReplyChannel.open(connection, dialect, this::publish, onReply, open::remove));
        } catch (JMSException e) {
            throw JmsErrors.failure(operation, e);
        }
    }

    private void checkOpen(String operation) {
        if (closed.get()) {
            throw new TransportException(operation + ": the transport is closed");
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        open.add(resource);
        if (closed.get()) {
            closeQuietly(resource);
            throw new TransportException("Cannot consume: the transport is closed");
        }
        return resource;
    }

    @Override
    public ConnectionState state() {
        return states.state();
    }

    @Override
    public void onStateChange(Consumer<ConnectionState> listener) {
        states.add(listener);
    }

    /** Closes subscriptions, reply channels, the dialect (deleting private queues) and the connection; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        states.change(ConnectionState.CLOSED);
        List.copyOf(open).forEach(Amqp10Transport::closeQuietly);
        publisher.close();
        closeQuietly(dialect);
        ConnectionOpener.closeQuietly(connection);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "Closing {0}: {1}", resource, e.getMessage());
        }
    }
}
