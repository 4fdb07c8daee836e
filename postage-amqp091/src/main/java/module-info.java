/**
 * The AMQP 0-9-1 transport of Postage, id {@code amqp091}, on the RabbitMQ Java client
 * ({@code com.rabbitmq:amqp-client}).
 *
 * <p>Exports nothing: pick it with {@code PostageConfig.transport()} ({@code amqp091} is the
 * default) or {@code io.postage.Providers.transport("amqp091")}; {@link java.util.ServiceLoader}
 * finds it on the module path or the class path.
 */
@SuppressWarnings("module") // "amqp091" ends with digits: it names the protocol version, as the transport id does
module io.postage.amqp091 {
    requires transitive io.postage;
    requires com.rabbitmq.client;
    // Not used here: amqp-client needs it, but as an automatic module it cannot say so. Without this,
    // the module path resolves no org.slf4j and connecting fails with NoClassDefFoundError.
    requires org.slf4j;

    provides io.postage.spi.TransportProvider with io.postage.amqp091.internal.Amqp091TransportProvider;
}
