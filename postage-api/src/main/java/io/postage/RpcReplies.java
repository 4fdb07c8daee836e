package io.postage;

/** How a {@link Producer} receives RPC replies. */
public enum RpcReplies {
    /**
     * Each call waits on a private reply queue of its own (pooled: a queue serves one call at a time,
     * and is thrown away after a timeout so a late reply never reaches another call). Works with
     * every peer, including Postage 1.x servers, which reply without a correlation id. The default.
     */
    PRIVATE,
    /**
     * All calls share one reply address (direct reply-to on RabbitMQ) and replies are matched by
     * correlation id. The fastest form, for peers that echo the correlation id (Postage for Java,
     * Spring AMQP, most clients); a reply without one is dropped and logged.
     */
    SHARED
}
