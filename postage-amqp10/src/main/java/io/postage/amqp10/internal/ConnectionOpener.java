package io.postage.amqp10.internal;

import io.postage.ConnectionException;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLException;
import org.apache.qpid.jms.JmsConnectionExtensions;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.JmsOperationTimedOutException;
import org.apache.qpid.jms.provider.Provider;
import org.apache.qpid.jms.provider.amqp.AmqpProvider;
import org.apache.qpid.jms.provider.failover.FailoverProvider;

/**
 * Opens the Qpid JMS connection an {@link Endpoint} describes and reads the broker's AMQP open properties
 * ({@code product}, {@code version}), which tell the brokers apart. A virtual host other than {@code /}
 * is asked for as RabbitMQ wants it ({@code vhost:NAME}; a plain name silently lands in {@code /} there)
 * and, if the broker does not know that host name, as Qpid Broker-J wants it (the plain name). A failure
 * becomes one {@link ConnectionException} naming the endpoint, without the password, and the reason.
 */
final class ConnectionOpener {
    /** The open property RabbitMQ shows as the connection's name. */
    private static final String CONNECTION_NAME = "connection_name";

    private ConnectionOpener() {
    }

    /**
     * A connection and what the broker said about itself.
     *
     * @param connection the started connection
     * @param product the broker's {@code product} open property, empty if it sent none
     * @param properties all of its open properties, for messages
     * @param failover the connection's failover provider, which declarations replayed after a reconnection
     *     can be given to; empty without failover
     */
    record Opened(Connection connection, String product, Map<String, Object> properties,
            Optional<RedeclaringProvider> failover) {
    }

    /**
     * @param endpoint where to connect
     * @param connectionName the name the broker shows for the connection
     * @param dialect the configured dialect, if any, which decides the virtual host's form
     * @param prefetch the connection's prefetch policy
     * @return the started connection
     * @throws ConnectionException if the broker cannot be reached or refuses the connection
     */
    static Opened open(Endpoint endpoint, String connectionName, Optional<DialectKind> dialect, SessionPrefetch prefetch) {
        List<Optional<String>> hostnames = hostnames(endpoint.vhost(), dialect);
        for (int i = 0;; i++) {
            try {
                return open(endpoint, endpoint.qpidUri(hostnames.get(i)), connectionName, prefetch);
            } catch (JMSException e) {
                if (i + 1 < hostnames.size() && unknownHostname(e)) {
                    continue;
                }
                throw new ConnectionException("Cannot connect to " + endpoint.display() + " : " + reason(e, endpoint), e);
            }
        }
    }

    private static List<Optional<String>> hostnames(String vhost, Optional<DialectKind> dialect) {
        if (vhost.equals("/")) {
            return List.of(Optional.empty());
        }
        List<Optional<String>> hostnames = new ArrayList<>();
        if (dialect.isEmpty() || dialect.get() == DialectKind.RABBITMQ) {
            hostnames.add(Optional.of("vhost:" + vhost));
        }
        if (dialect.isEmpty() || dialect.get() != DialectKind.RABBITMQ) {
            hostnames.add(Optional.of(vhost));
        }
        return hostnames;
    }

    private static Opened open(Endpoint endpoint, String uri, String connectionName, SessionPrefetch prefetch)
            throws JMSException {
        CapturingFactory factory = new CapturingFactory(uri, endpoint);
        factory.setPrefetchPolicy(prefetch);
        factory.setExtension(JmsConnectionExtensions.AMQP_OPEN_PROPERTIES.toString(),
                (connection, remote) -> Map.of(CONNECTION_NAME, connectionName));
        Connection connection = factory.createConnection();
        try {
            connection.start();
            Map<String, Object> properties = properties(factory, endpoint);
            return new Opened(connection, String.valueOf(properties.getOrDefault("product", "")), properties,
                    Optional.ofNullable(factory.failover));
        } catch (JMSException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * @param broker one broker's URI, as Qpid JMS reached it (no failover)
     * @param endpoint the credentials and TLS context
     * @return a started connection of its own to that broker, which the caller closes; connecting, requests
     *     and sends time out after {@code Endpoint.TIMEOUT_MILLIS}
     * @throws JMSException if the broker cannot be reached or refuses
     */
    static Connection openDirect(URI broker, Endpoint endpoint) throws JMSException {
        CapturingFactory factory = new CapturingFactory(broker.toString(), endpoint);
        factory.setConnectTimeout(Endpoint.TIMEOUT_MILLIS);
        factory.setRequestTimeout(Endpoint.TIMEOUT_MILLIS);
        factory.setSendTimeout(Endpoint.TIMEOUT_MILLIS);
        Connection connection = factory.createConnection();
        try {
            connection.start();
            return connection;
        } catch (JMSException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * The broker's open properties. Through failover they are not visible, so a second, short connection
     * to the broker that failover chose reads them.
     */
    private static Map<String, Object> properties(CapturingFactory factory, Endpoint endpoint) throws JMSException {
        Provider provider = factory.provider;
        if (provider instanceof AmqpProvider amqp) {
            Map<String, Object> properties = new TreeMap<>();
            Map<?, ?> remote = amqp.getProtonConnection().getRemoteProperties();
            if (remote != null) {
                remote.forEach((name, value) -> properties.put(String.valueOf(name), value));
            }
            return properties;
        }
        URI connected = provider == null ? null : provider.getRemoteURI();
        if (connected == null) {
            return Map.of();
        }
        CapturingFactory probe = new CapturingFactory(connected.toString(), endpoint);
        Connection connection = probe.createConnection();
        try {
            connection.start();
            return probe.provider instanceof AmqpProvider ? properties(probe, endpoint) : Map.of();
        } finally {
            closeQuietly(connection);
        }
    }

    private static boolean unknownHostname(JMSException failure) {
        return failure.getMessage() != null && failure.getMessage().contains("Unknown hostname");
    }

    /** The reason a connection attempt failed, in a few words on one line. */
    private static String reason(JMSException failure, Endpoint endpoint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case JMSSecurityException refused -> {
                    // RabbitMQ refuses an unknown virtual host the same way, during authentication.
                    return "access refused (check user and password" + (endpoint.vhost().equals("/") ? ")"
                            : ", and that vhost '" + endpoint.vhost() + "' exists)");
                }
                case ConnectException refused -> {
                    return "connection refused";
                }
                case UnknownHostException unknown -> {
                    return "unknown host (" + unknown.getMessage() + ")";
                }
                case SSLException tls -> {
                    return "TLS failed (" + tls.getMessage() + ")";
                }
                case JmsOperationTimedOutException timeout -> {
                    return "no answer within " + Endpoint.TIMEOUT_MILLIS / 1000 + " s";
                }
                default -> {
                }
            }
        }
        String reason = JmsErrors.reason(failure);
        if (unknownHostname(failure) || reason.contains("vhost")) {
            return "vhost not found (" + endpoint.vhost() + ": " + reason + ")";
        }
        if (endpoint.tls()) {
            // TLS 1.3 verifies the client's certificate after the client's handshake: a refusal is a mere close,
            // which Qpid JMS reports in more than one way.
            return reason + " (over TLS: does the server require a client certificate? see POSTAGE_TLS_KEYSTORE)";
        }
        return reason;
    }

    /** @param connection a connection to close, ignoring a failure to */
    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException | RuntimeException e) {
            System.getLogger(ConnectionOpener.class.getName()).log(System.Logger.Level.DEBUG,
                    "Closing the connection failed: {0}", JmsErrors.reason(e));
        }
    }

    /**
     * A connection factory with the endpoint's credentials and TLS context (host names are verified by Qpid
     * JMS's default, {@code transport.verifyHost=true}) that keeps the provider it creates, to read the
     * broker's open properties, and wraps a failover provider in a {@link RedeclaringProvider}.
     */
    @SuppressWarnings("serial") // a JNDI-storable class by inheritance, never serialized
    private static final class CapturingFactory extends JmsConnectionFactory {
        private volatile Provider provider;
        private volatile RedeclaringProvider failover;

        CapturingFactory(String uri, Endpoint endpoint) {
            super(uri);
            setUsername(endpoint.user());
            setPassword(endpoint.password());
            endpoint.sslContext().ifPresent(context -> setExtension(JmsConnectionExtensions.SSL_CONTEXT.toString(),
                    (connection, remote) -> context));
        }

        @Override
        protected Provider createProvider(URI remoteUri) throws Exception {
            provider = super.createProvider(remoteUri);
            if (provider instanceof FailoverProvider) {
                failover = new RedeclaringProvider(provider);
                return failover;
            }
            return provider;
        }
    }
}
