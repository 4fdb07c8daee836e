package io.postage.benchmarks.publish;

import com.rabbitmq.client.AMQP;
import io.postage.Exchange;
import io.postage.QueueSpec;
import io.postage.spi.DeliveryHandler;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Subscription;
import io.postage.spi.Transport;

/**
 * A transport that publishes nowhere: it does what the AMQP 0-9-1 transport does before writing to the
 * socket (map the properties to amqp-client's {@code BasicProperties}) and keeps the last message, so
 * the work cannot be optimized away. Declarations do nothing; consuming is not supported.
 */
final class DiscardingTransport implements Transport {
    private static final int TRANSIENT = 1;

    /** The last message published by any instance, read by the benchmark. */
    static AMQP.BasicProperties lastProperties;
    /** The body of the last message published. */
    static byte[] lastBody;

    @Override
    public void declareExchange(Exchange exchange) {
    }

    @Override
    public String declareQueue(QueueSpec queue) {
        return queue.name();
    }

    @Override
    public void bindQueue(String queue, String exchange, String routingKey) {
    }

    @Override
    public void unbindQueue(String queue, String exchange, String routingKey) {
    }

    @Override
    public void publish(String exchange, String routingKey, OutgoingMessage message) {
        MessageProperties properties = message.properties();
        lastProperties = new AMQP.BasicProperties.Builder()
                .contentType(properties.contentType().orElse(null))
                .replyTo(properties.replyTo().orElse(null))
                .correlationId(properties.correlationId().orElse(null))
                .deliveryMode(TRANSIENT)
                .build();
        lastBody = message.body();
    }

    @Override
    public Subscription consume(String queue, int prefetch, DeliveryHandler handler) {
        throw new UnsupportedOperationException("The discarding transport does not consume");
    }

    @Override
    public ReplyChannel openReplyChannel(ReplyChannel.Kind kind, DeliveryHandler onReply) {
        throw new UnsupportedOperationException("The discarding transport does not receive replies");
    }

    @Override
    public void reply(String replyTo, OutgoingMessage reply) {
        publish("", replyTo, reply);
    }

    @Override
    public void close() {
    }
}
