package io.postage.spi;

/**
 * Where RPC replies arrive: a reply address, and a way to publish requests that name it. AMQP 0-9-1
 * on RabbitMQ uses direct reply-to for {@link Kind#SHARED} channels, which demands that requests go
 * out on the channel that consumes the replies; hence requests are published through this object.
 */
public interface ReplyChannel extends AutoCloseable {

    /** Whether one reply address serves many calls at once or one call at a time. */
    enum Kind {
        /**
         * Many calls in flight share the address; replies are matched by correlation id. The
         * transport's fastest form: direct reply-to on RabbitMQ, a temporary queue elsewhere.
         */
        SHARED,
        /**
         * A queue of its own (server-named, exclusive), used by one call at a time, so that a reply
         * without a correlation id (what Postage 1.x servers send) still finds its caller. Closing
         * the channel deletes the queue, and with it any late reply.
         */
        PRIVATE
    }

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
