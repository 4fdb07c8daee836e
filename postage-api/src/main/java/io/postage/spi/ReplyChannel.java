package io.postage.spi;

/**
 * Where RPC replies arrive for one caller: a reply address, and a way to publish requests that
 * name it. AMQP 0-9-1 on RabbitMQ uses direct reply-to, which demands that requests go out on the
 * channel that consumes the replies; hence requests are published through this object.
 */
public interface ReplyChannel extends AutoCloseable {

    /** @return the address to put into a request's {@code replyTo} property */
    String replyTo();

    /**
     * Publishes an RPC request whose reply will arrive here.
     *
     * @param exchange the exchange name
     * @param routingKey the routing key
     * @param request the request; its properties should carry {@link #replyTo()} and a correlation id
     * @throws io.postage.TransportException if the request cannot be sent
     */
    void publish(String exchange, String routingKey, OutgoingMessage request);

    /** Stops receiving replies and releases the address; idempotent. */
    @Override
    void close();
}
