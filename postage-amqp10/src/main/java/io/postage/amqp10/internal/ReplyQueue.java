package io.postage.amqp10.internal;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;

/**
 * A queue that receives RPC replies for one reply channel.
 *
 * @param source what to consume
 * @param replyTo what requests name as their reply address
 * @param release deletes the queue once its consumer is closed
 */
record ReplyQueue(Destination source, String replyTo, Release release) {

    /** Deletes a reply queue. */
    @FunctionalInterface
    interface Release {
        /** @throws JMSException if the broker refuses */
        void run() throws JMSException;
    }
}
