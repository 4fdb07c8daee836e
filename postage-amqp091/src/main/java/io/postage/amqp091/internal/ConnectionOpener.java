package io.postage.amqp091.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import io.postage.ConfigurationException;
import io.postage.ConnectionException;
import io.postage.PostageConfig;
import io.postage.RecoveryPolicy;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Opens the connection a {@link PostageConfig} describes: the URI when there is one, else host, port,
 * vhost and credentials; {@code amqps} with the configuration's TLS context (else the JVM's default) and
 * host name verification, always.
 * Automatic connection and topology recovery are on, the pauses between attempts to reconnect those of
 * the configuration's {@link io.postage.RecoveryPolicy}: they start short (Qpid Broker-J closes the
 * connection for a mere refused declaration) and grow exponentially up to a cap. A failure becomes one
 * {@link ConnectionException} whose message names the endpoint (without the password) and the reason.
 */
final class ConnectionOpener {

    /** How long connecting and the AMQP handshake may take each. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The heartbeat asked of the broker. */
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** How long a channel operation (a declaration, a close) waits for the broker's answer. */
    static final Duration RPC_TIMEOUT = Duration.ofSeconds(30);

    /** An opener for any configuration. */
    ConnectionOpener() {
    }

    /**
     * @param config where to connect
     * @param connectionName the client-provided name the broker shows
     * @param consumerThreads where the client runs consumer callbacks
     * @return an automatically recovering connection
     * @throws ConnectionException if the broker cannot be reached or refuses the connection
     * @throws ConfigurationException if the URI cannot be used
     */
    Connection open(PostageConfig config, String connectionName, ExecutorService consumerThreads) {
        ConnectionFactory factory = factory(config);
        try {
            return factory.newConnection(consumerThreads, connectionName);
        } catch (IOException | TimeoutException e) {
            throw new ConnectionException("Cannot connect to " + config.endpoint() + " : " + reason(e, factory.isSSL()), e);
        }
    }

    private ConnectionFactory factory(PostageConfig config) {
        ConnectionFactory factory = new ConnectionFactory();
        Optional<URI> uri = config.uri();
        if (uri.isPresent()) {
            useUri(factory, uri.get(), config);
        } else {
            factory.setHost(config.host());
            factory.setPort(config.port());
            factory.setVirtualHost(config.vhost());
            factory.setUsername(config.user());
            factory.setPassword(config.password());
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        // The first pause is a margin for the broker to finish closing the old connection and delete its
        // exclusive queues, which recovery declares again (a queue the old connection still held would make
        // Qpid Broker-J close the new one too).
        RecoveryPolicy recovery = config.recovery();
        factory.setRecoveryDelayHandler(attempt -> recovery.delayBefore(attempt).toMillis());
        factory.setConnectionTimeout(millis(CONNECT_TIMEOUT));
        factory.setHandshakeTimeout(millis(CONNECT_TIMEOUT));
        factory.setRequestedHeartbeat((int) HEARTBEAT.toSeconds());
        factory.setChannelRpcTimeout(millis(RPC_TIMEOUT));
        return factory;
    }

    private static void useUri(ConnectionFactory factory, URI uri, PostageConfig config) {
        String endpoint = config.endpoint();
        try {
            if (uri.getScheme().toLowerCase(Locale.ROOT).equals("amqps")) {
                // Before setUri: with a TLS context set, setUri does not install the client's trust-all default.
                factory.useSslProtocol(config.sslContext().isPresent() ? config.sslContext().get()
                        : SSLContext.getDefault());
                factory.enableHostnameVerification();
            }
            factory.setUri(uri);
        } catch (GeneralSecurityException e) {
            throw new ConnectionException("Cannot connect to " + endpoint + " : TLS is not available (" + e + ")", e);
        } catch (IllegalArgumentException e) {
            // No cause chained: the client's message may quote the user info, password included.
            throw new ConfigurationException("Cannot connect to " + endpoint
                    + " : the URI is not a valid AMQP URI (amqp[s]://user:password@host:port/vhost)");
        }
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    /**
     * Added to a connection that just closes over TLS: TLS 1.3 verifies the client's certificate after the
     * client's handshake, so a refusal shows as a closed socket (end of stream, broken pipe).
     */
    private static final String CLIENT_CERTIFICATE_HINT =
            " (over TLS: does the server require a client certificate? see POSTAGE_TLS_KEYSTORE)";

    /** The reason a connection attempt failed, in a few words on one line. */
    private static String reason(Exception failure, boolean overTls) {
        String reason = switch (failure) {
            case PossibleAuthenticationFailureException refused -> "access refused (check user and password)";
            case ConnectException refused -> "connection refused";
            case SocketTimeoutException timeout -> "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
            case TimeoutException timeout -> "no AMQP handshake within " + CONNECT_TIMEOUT.toSeconds() + " s";
            case UnknownHostException unknown -> "unknown host (" + unknown.getMessage() + ")";
            case SSLException tls -> "TLS failed (" + tls.getMessage() + ")";
            default -> closeReason(failure, overTls)
                    .orElseGet(() -> BrokerErrors.reason(failure) + (overTls ? CLIENT_CERTIFICATE_HINT : ""));
        };
        return reason.replaceAll("\\s+", " ").strip();
    }

    private static Optional<String> closeReason(Exception failure, boolean overTls) {
        if (failure.getCause() instanceof ShutdownSignalException signal) {
            if (signal.getReason() instanceof AMQP.Connection.Close close) {
                String text = close.getReplyText();
                return Optional.of(text.contains("vhost") && text.contains("not found") ? "vhost not found (" + text + ")"
                        : text);
            }
            if (overTls && signal.getCause() instanceof EOFException) {
                return Optional.of("the server closed the connection during the handshake" + CLIENT_CERTIFICATE_HINT);
            }
            if (signal.getCause() != null) {
                return Optional.of("the server does not speak AMQP 0-9-1 as expected (" + signal.getCause().getMessage() + ")");
            }
        }
        return Optional.empty();
    }
}
