/**
 * The AMQP 1.0 transport of Postage, id {@code amqp10}, on Qpid JMS ({@code org.apache.qpid:qpid-jms-client},
 * Jakarta Messaging). It speaks to RabbitMQ's AMQP 1.0 plugin, to Qpid Broker-J and, with less, to any
 * AMQP 1.0 broker; what AMQP 1.0 cannot do itself (declare queues, exchanges and bindings) goes through
 * the broker's management interface.
 *
 * <p>Exports nothing: pick it with {@code PostageConfig.transport("amqp10")} (or
 * {@code POSTAGE_TRANSPORT=amqp10}); {@link java.util.ServiceLoader} finds it on the module path or the
 * class path.
 */
@SuppressWarnings("module") // "amqp10" ends with digits: it names the protocol version, as the transport id does
module io.postage.amqp10 {
    requires transitive io.postage;
    requires jakarta.messaging;
    requires qpid.jms.client;
    requires org.apache.qpid.proton.j;
    requires java.net.http;
    requires java.naming; // Qpid JMS's connection factory is a JNDI Referenceable
    // Not used here: Qpid JMS logs through SLF4J, but as an automatic module it cannot say so. Without this,
    // the module path resolves no org.slf4j and connecting fails with NoClassDefFoundError.
    requires org.slf4j;

    provides io.postage.spi.TransportProvider with io.postage.amqp10.internal.Amqp10TransportProvider;
}
