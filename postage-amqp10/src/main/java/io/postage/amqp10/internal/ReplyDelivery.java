package io.postage.amqp10.internal;

import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;

/**
 * An RPC reply: consumed with automatic acknowledgement, so {@link #ack()} and {@link #reject(boolean)}
 * do nothing.
 *
 * @param body the body
 * @param properties the properties; a Postage 1.x reply has none
 * @param queue the reply address
 * @param redelivered whether the broker delivered it before
 */
record ReplyDelivery(byte[] body, MessageProperties properties, String queue, boolean redelivered) implements Delivery {

    /** Does nothing: replies are acknowledged on delivery. */
    @Override
    public void ack() {
    }

    /** Does nothing: replies are acknowledged on delivery. */
    @Override
    public void reject(boolean requeue) {
    }
}
