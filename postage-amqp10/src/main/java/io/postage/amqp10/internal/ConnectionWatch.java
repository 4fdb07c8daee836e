package io.postage.amqp10.internal;

import io.postage.ConnectionState;
import io.postage.spi.ConnectionStates;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.System.Logger.Level;
import java.net.URI;
import org.apache.qpid.jms.JmsConnectionListener;
import org.apache.qpid.jms.message.JmsInboundMessageDispatch;

/**
 * Turns Qpid JMS's connection events into the transport's {@link ConnectionState}: with failover, an
 * interruption is {@code RECOVERING} until the connection is restored (the transport's declarations replayed
 * by {@link RedeclaringProvider}, then sessions, consumers and producers recreated by Qpid JMS); a failure for good (no failover, or failover gave up) is {@code CLOSED}.
 */
final class ConnectionWatch implements JmsConnectionListener {
    private static final System.Logger LOG = System.getLogger(ConnectionWatch.class.getName());

    private final ConnectionStates states;
    private final String endpoint;

    /**
     * @param states the transport's state
     * @param endpoint where the connection goes, without the password, for the log
     */
    ConnectionWatch(ConnectionStates states, String endpoint) {
        this.states = states;
        this.endpoint = endpoint;
    }

    @Override
    public void onConnectionEstablished(URI remoteUri) {
        // The transport starts connected.
    }

    @Override
    public void onConnectionFailure(Throwable error) {
        LOG.log(Level.WARNING, "The AMQP 1.0 connection to {0} failed for good: {1}", endpoint, error.getMessage());
        states.change(ConnectionState.CLOSED);
    }

    @Override
    public void onConnectionInterrupted(URI remoteUri) {
        states.change(ConnectionState.RECOVERING);
    }

    @Override
    public void onConnectionRestored(URI remoteUri) {
        states.change(ConnectionState.CONNECTED);
    }

    @Override
    public void onInboundMessage(JmsInboundMessageDispatch envelope) {
        // Deliveries go to the consumers.
    }

    @Override
    public void onSessionClosed(Session session, Throwable cause) {
        // A subscription or reply channel reports its own failure.
    }

    @Override
    public void onConsumerClosed(MessageConsumer consumer, Throwable cause) {
        // A subscription reports its own failure.
    }

    @Override
    public void onProducerClosed(MessageProducer producer, Throwable cause) {
        // The publisher replaces its producers.
    }
}
