package io.postage.amqp10.internal;

import io.postage.PostageConfig;
import io.postage.spi.ConnectionStates;
import io.postage.spi.Transport;
import io.postage.spi.TransportProvider;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.apache.qpid.jms.JmsConnection;

/**
 * The AMQP 1.0 transport, id {@value #ID}: one Qpid JMS connection per {@link Transport}, and the dialect
 * of the broker it reaches (RabbitMQ, Qpid Broker-J, or generic), detected from the broker's {@code product}
 * or named with the URI option {@code postage.dialect}.
 *
 * {@snippet :
 * PostageConfig config = PostageConfig.builder()
 *         .uri("amqp://guest:guest@localhost:5672/%2F")
 *         .transport("amqp10")
 *         .build();
 * Transport transport = Providers.transport("amqp10").connect(config, "echo_send");
 * }
 */
public final class Amqp10TransportProvider implements TransportProvider {

    /** The id users configure. */
    public static final String ID = "amqp10";

    private static final System.Logger LOG = System.getLogger(Amqp10TransportProvider.class.getName());

    /** Called by {@link java.util.ServiceLoader}. */
    public Amqp10TransportProvider() {
    }

    /** @return {@value #ID} */
    @Override
    public String id() {
        return ID;
    }

    /**
     * @param config where to connect and with which credentials; the URI may carry Postage's options
     *     ({@code postage.dialect}, {@code postage.management}, {@code postage.failover}) and Qpid JMS's
     * @param connectionName the name the broker shows for the connection
     * @return a connected transport
     * @throws io.postage.ConnectionException naming the endpoint and the reason, within about 5 seconds; also
     *     when the broker's management interface, which declarations need, cannot be used
     */
    @Override
    public Transport connect(PostageConfig config, String connectionName) {
        Endpoint endpoint = Endpoint.of(config);
        Optional<DialectKind> configured = endpoint.dialect().map(DialectKind::of);
        SessionPrefetch prefetch = new SessionPrefetch();
        ConnectionOpener.Opened opened = ConnectionOpener.open(endpoint, connectionName, configured, prefetch);
        Connection connection = opened.connection();
        ConnectionStates states = new ConnectionStates();
        try {
            if (connection instanceof JmsConnection jms) {
                jms.addConnectionListener(new ConnectionWatch(states, endpoint.display()));
            }
            connection.setExceptionListener(failure -> LOG.log(Level.WARNING, "The AMQP 1.0 connection to {0} failed: {1}",
                    endpoint.display(), JmsErrors.reason(failure)));
            DialectKind kind = configured.orElseGet(() -> DialectKind.ofProduct(opened.product()));
            if (configured.isEmpty() && kind == DialectKind.GENERIC) {
                LOG.log(Level.INFO, "{0} is an AMQP 1.0 broker Postage does not know (open properties {1}): using the"
                        + " generic dialect; name one with the URI option {2}=rabbitmq|qpid-broker-j|generic",
                        endpoint.display(), opened.properties(), Endpoint.DIALECT);
            }
            Declarations declarations = new Declarations();
            Dialect dialect = switch (kind) {
                case RABBITMQ -> new RabbitMqDialect(RabbitManagement.connect(endpoint), declarations);
                case QPID_BROKER_J -> new BrokerJDialect(BrokerJManagement.open(connection, endpoint.display()),
                        broker -> ConnectionOpener.openDirect(broker, endpoint));
                case GENERIC -> new GenericDialect(opened.product());
            };
            opened.failover().ifPresent(failover -> failover.redeclareWith(broker -> dialect.redeclare(declarations, broker)));
            LOG.log(Level.DEBUG, "Connected to {0} ({1}, {2} dialect)", endpoint.display(), opened.properties(), dialect.name());
            return new Amqp10Transport(connection, prefetch, dialect, declarations, states);
        } catch (JMSException | RuntimeException e) {
            ConnectionOpener.closeQuietly(connection);
            throw e instanceof JMSException jms ? JmsErrors.failure("Cannot connect to " + endpoint.display(), jms)
                    : (RuntimeException) e;
        }
    }
}
