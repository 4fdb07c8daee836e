package io.postage.amqp10.internal;

import java.net.URI;
import java.util.function.Consumer;
import org.apache.qpid.jms.provider.Provider;
import org.apache.qpid.jms.provider.ProviderWrapper;

/**
 * Wraps Qpid JMS's failover provider to declare again what the transport declared once failover has
 * reconnected, and before the connection re-creates its temporary queues, sessions, consumers and
 * producers on the new connection.
 *
 * <p>Qpid JMS restores a connection in three stages on the failover's thread: {@code onConnectionRecovery}
 * (resources re-created, each waited for), {@code onConnectionRecovered} (consumers started), then
 * {@code onConnectionRestored}, which reaches {@link org.apache.qpid.jms.JmsConnectionListener}s later, on
 * the connection's executor. A consumer of a queue that a broker restart removed fails in the first stage
 * (RabbitMQ after the request timeout), which fails the whole recovery and makes failover reconnect again:
 * so the declarations must come before it, here. A failure of theirs is logged by whoever declares; the
 * recovery goes on, and if a consumer's queue is still missing failover tries again with its backoff.
 */
final class RedeclaringProvider extends ProviderWrapper<Provider> {
    private volatile Consumer<URI> redeclare = broker -> {
    };

    /** @param failover Qpid JMS's failover provider */
    RedeclaringProvider(Provider failover) {
        super(failover);
    }

    /** @param redeclare what declares again, given the broker reconnected to; runs on the failover's thread */
    void redeclareWith(Consumer<URI> redeclare) {
        this.redeclare = redeclare;
    }

    @Override
    public void onConnectionRecovery(Provider provider) throws Exception {
        redeclare.accept(provider.getRemoteURI());
        super.onConnectionRecovery(provider);
    }
}
