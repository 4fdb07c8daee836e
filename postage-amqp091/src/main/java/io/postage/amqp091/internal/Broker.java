package io.postage.amqp091.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.recovery.AutorecoveringConnection;
import com.rabbitmq.client.impl.recovery.QueueRecoveryListener;
import io.postage.PostageConfig;
import io.postage.TransportException;
import io.postage.spi.ConnectionStates;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What the parts of one transport share: the connection, the threads that run consumer callbacks,
 * the pool of publishing channels, the exchanges known to exist, the broker's {@link BrokerDialect},
 * what rejects become on each queue, and whether the transport is closed. Every broker operation goes
 * through {@link #call(String, BrokerCall)}, which refuses work after close, waits while the connection
 * recovers, and turns the client's exceptions into {@link TransportException}s naming the operation.
 */
final class Broker {
    private static final System.Logger LOG = System.getLogger(Broker.class.getName());

    /** How many channels publish at once; more publishers wait their turn. */
    private static final int PUBLISHING_CHANNELS = 8;
    /**
     * How long closing waits for the broker's {@code close-ok}. It is also how long the messages published just
     * before (unconfirmed, maybe still in the socket buffers of a connection the broker slows down with flow
     * control) have to reach the broker: when the wait ends the client drops the socket and, with it, them.
     */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);
    private static final int BASIC_CLASS = 60;
    private static final int BASIC_PUBLISH = 40;

    /** A broker operation. */
    @FunctionalInterface
    interface BrokerCall<T> {
        /**
         * @return the result
         * @throws IOException if the broker refuses or the connection fails
         * @throws TimeoutException if the broker does not answer
         */
        T call() throws IOException, TimeoutException;
    }

    private final Connection connection;
    private final ExecutorService consumerThreads;
    private final ChannelPool publishers;
    private final ConfirmChannels confirming;
    private final KnownExchanges exchanges = new KnownExchanges();
    private final BrokerDialect dialect;
    private final Rejections rejections;
    private final RecoveryGate recovery;
    /** How long an operation waits for a lost connection to recover before it fails. */
    private final Duration recoveryWait;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Broker(Connection connection, ExecutorService consumerThreads, Duration recoveryWait) {
        this.connection = connection;
        this.consumerThreads = consumerThreads;
        this.publishers = new ChannelPool(connection, PUBLISHING_CHANNELS, this::publishingChannelClosed);
        this.confirming = new ConfirmChannels(this, this::publishingChannelClosed);
        this.dialect = BrokerDialect.detect(connection.getServerProperties());
        this.rejections = new Rejections(dialect);
        this.recovery = RecoveryGate.on(connection);
        this.recoveryWait = recoveryWait;
    }

    /**
     * @param opener how to open the connection
     * @param config where to connect
     * @param connectionName the client-provided name the broker shows
     * @return the connected broker
     * @throws io.postage.ConnectionException if the broker cannot be reached or refuses the connection
     */
    static Broker connect(ConnectionOpener opener, PostageConfig config, String connectionName) {
        // Virtual threads: a handler that blocks (say, on an RPC whose reply comes through this very
        // connection) cannot starve the other subscriptions of a thread.
        ExecutorService consumerThreads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("postage-amqp091-consumer-", 0).factory());
        try {
            return new Broker(opener.open(config, connectionName, consumerThreads), consumerThreads,
                    config.recovery().operationWait());
        } catch (RuntimeException e) {
            consumerThreads.shutdown();
            throw e;
        }
    }

    /**
     * @param exchange the exchange name
     * @param routingKey the routing key
     * @return the start of a publish failure's message
     */
    static Supplier<String> publishing(String exchange, String routingKey) {
        return () -> "Cannot publish to " + (exchange.isEmpty() ? "the default exchange" : "exchange '" + exchange + "'")
                + " with routing key '" + routingKey + "'";
    }

    /**
     * Runs a broker operation, once the connection is open: while automatic recovery reopens it, the
     * operation waits up to the {@link io.postage.RecoveryPolicy#operationWait()}, then fails with the reason
     * the connection was lost.
     *
     * @param operation what the operation is, for the failure's message: {@code Cannot declare queue 'q'}
     * @param call the operation
     * @param <T> the result type
     * @return its result
     * @throws TransportException if the transport is closed or the operation fails
     */
    <T> T call(String operation, BrokerCall<T> call) {
        return call(() -> operation, call);
    }

    /**
     * Like {@link #call(String, BrokerCall)}, with the operation's text built only if it fails: for the
     * operations on the hot path (every publish).
     *
     * @param operation what the operation is, for the failure's message
     * @param call the operation
     * @param <T> the result type
     * @return its result
     * @throws TransportException if the transport is closed or the operation fails
     */
    <T> T call(Supplier<String> operation, BrokerCall<T> call) {
        if (closed.get()) {
            throw new TransportException(operation.get() + ": the transport is closed");
        }
        recovery.awaitOpen(recoveryWait);
        try {
            return call.call();
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            if (closed.get()) {
                throw new TransportException(operation.get() + ": the transport is closed", e);
            }
            throw BrokerErrors.failure(operation.get(), e);
        }
    }

    /**
     * Runs work on a pooled channel: where a refusal that closes the channel costs nothing.
     *
     * @param call the work
     * @param <T> the result type
     * @return its result
     * @throws IOException if the broker refuses or the connection fails
     * @throws TimeoutException if the broker does not answer
     */
    <T> T onPooledChannel(ChannelPool.ChannelCall<T> call) throws IOException, TimeoutException {
        return publishers.call(call);
    }

    /**
     * Publishes on a pooled channel, after checking an exchange not known to exist.
     *
     * @param exchange the exchange name
     * @param routingKey the routing key
     * @param properties the message properties
     * @param body the body
     * @throws IOException if the exchange is missing or the connection fails
     * @throws TimeoutException if the broker does not answer the check
     */
    void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body)
            throws IOException, TimeoutException {
        publishers.call(channel -> {
            exchanges.check(channel, exchange);
            channel.basicPublish(exchange, routingKey, properties, body);
            return null;
        });
    }

    /**
     * Publishes on a channel in confirm mode, after checking an exchange not known to exist.
     *
     * @param exchange the exchange name
     * @param routingKey the routing key
     * @param mandatory whether the broker returns the message if no queue takes it
     * @param properties the message properties
     * @param body the body
     * @return completes when the broker confirms, or fails with a {@link io.postage.PublishException}
     * @throws IOException if the exchange is missing or the connection fails
     * @throws TimeoutException if the broker does not answer the check
     */
    CompletableFuture<Void> publishConfirmed(String exchange, String routingKey, boolean mandatory,
            AMQP.BasicProperties properties, byte[] body) throws IOException, TimeoutException {
        checkExchange(exchange);
        return confirming.publish(exchange, routingKey, mandatory, properties, body);
    }

    /**
     * Checks, on a pooled channel, that an exchange not known to exist does.
     *
     * @param exchange the exchange name
     * @throws IOException if the exchange is missing or the connection fails
     * @throws TimeoutException if the broker does not answer
     */
    void checkExchange(String exchange) throws IOException, TimeoutException {
        if (!exchanges.contains(exchange)) {
            publishers.call(channel -> {
                exchanges.check(channel, exchange);
                return null;
            });
        }
    }

    /** @param exchange an exchange just declared */
    void exchangeExists(String exchange) {
        exchanges.add(exchange);
    }

    /**
     * @return a new channel of its own (for a subscription, a reply channel or the topology)
     * @throws IOException if the connection has no channel left or fails
     */
    Channel openChannel() throws IOException {
        Channel channel = connection.createChannel();
        if (channel == null) {
            throw new IOException("the connection has no free channel number left");
        }
        return channel;
    }

    /**
     * @param listener told the new name of a server-named queue that automatic recovery declared again
     */
    void addQueueRecoveryListener(QueueRecoveryListener listener) {
        if (connection instanceof AutorecoveringConnection recovering) {
            recovering.addQueueRecoveryListener(listener);
        }
    }

    /** @param listener a listener added before */
    void removeQueueRecoveryListener(QueueRecoveryListener listener) {
        if (connection instanceof AutorecoveringConnection recovering) {
            recovering.removeQueueRecoveryListener(listener);
        }
    }

    /** @return the connection's state and the listeners of its changes */
    ConnectionStates states() {
        return recovery.states();
    }

    /** @return what the broker does differently */
    BrokerDialect dialect() {
        return dialect;
    }

    /** @return what a reject without requeue becomes on each queue */
    Rejections rejections() {
        return rejections;
    }

    /** @return the name the broker shows for the connection */
    String connectionName() {
        return connection.getClientProvidedName();
    }

    /** Closes the connection, with every channel on it; idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        recovery.stop();
        try {
            connection.close(Math.toIntExact(CLOSE_TIMEOUT.toMillis()));
        } catch (IOException | ShutdownSignalException e) {
            LOG.log(Level.DEBUG, "Closing the connection: {0}", BrokerErrors.reason(e));
        } finally {
            consumerThreads.shutdown();
        }
    }

    private void publishingChannelClosed(ShutdownSignalException signal) {
        if (!signal.isHardError() && !signal.isInitiatedByApplication()
                && signal.getReason() instanceof AMQP.Channel.Close close
                && close.getClassId() == BASIC_CLASS && close.getMethodId() == BASIC_PUBLISH) {
            exchanges.forgetAll();
            LOG.log(Level.WARNING, "The broker refused a publish and closed its channel ({0}); messages published"
                    + " on that channel after it were lost", close.getReplyText());
        }
    }
}
