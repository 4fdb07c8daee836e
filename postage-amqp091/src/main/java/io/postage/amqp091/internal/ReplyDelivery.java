package io.postage.amqp091.internal;

import io.postage.spi.Delivery;
import io.postage.spi.DeliveryHandler;
import io.postage.spi.MessageProperties;
import java.lang.System.Logger.Level;

/**
 * An RPC reply: consumed with automatic acknowledgement, so {@link #ack()} and {@link #reject(boolean)}
 * do nothing.
 *
 * @param body the body
 * @param properties the properties; a Postage 1.x reply has none
 * @param queue the reply queue, or {@code amq.rabbitmq.reply-to}
 * @param redelivered whether the broker delivered it before
 */
record ReplyDelivery(byte[] body, MessageProperties properties, String queue, boolean redelivered) implements Delivery {
    private static final System.Logger LOG = System.getLogger(ReplyDelivery.class.getName());

    /**
     * Hands a reply to its handler; a handler's exception is logged, since there is nothing to settle.
     *
     * @param handler the reply channel's handler
     * @param queue the reply queue
     * @param message the message as the client delivered it
     */
    static void dispatch(DeliveryHandler handler, String queue, com.rabbitmq.client.Delivery message) {
        ReplyDelivery reply = new ReplyDelivery(message.getBody(), PropertiesMapper.fromAmqp(message.getProperties()),
                queue, message.getEnvelope().isRedeliver());
        try {
            handler.handle(reply);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The handler of reply queue " + queue + " failed; the reply is dropped", e);
        }
    }

    /** Does nothing: replies are acknowledged on delivery. */
    @Override
    public void ack() {
    }

    /** Does nothing: replies are acknowledged on delivery. */
    @Override
    public void reject(boolean requeue) {
    }
}
