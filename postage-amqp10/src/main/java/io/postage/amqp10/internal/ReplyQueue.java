package io.postage.amqp10.internal;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import java.util.function.Supplier;

/**
 * A queue that receives RPC replies for one reply channel.
 *
 * @param source what to consume
 * @param address what requests name as their reply address, read at each request: a temporary queue
 *     re-created by failover gets a new name
 * @param release deletes the queue once its consumer is closed
 */
record ReplyQueue(Destination source, Supplier<String> address, Release release) {

    /** @return what requests name as their reply address now */
    String replyTo() {
        return address.get();
    }

    /** Deletes a reply queue. */
    @FunctionalInterface
    interface Release {
        /** @throws JMSException if the broker refuses */
        void run() throws JMSException;
    }
}
