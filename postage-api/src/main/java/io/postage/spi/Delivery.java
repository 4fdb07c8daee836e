package io.postage.spi;

/**
 * A message received from a queue, waiting to be settled: exactly one of {@link #ack()} or
 * {@link #reject(boolean)} must be called, from any thread, once.
 */
public interface Delivery {

    /** @return the body as received; do not change it */
    byte[] body();

    /** @return the transport properties as received */
    MessageProperties properties();

    /** @return the queue it came from */
    String queue();

    /** @return whether the broker delivered it before (it was requeued or not acknowledged) */
    boolean redelivered();

    /** Settles the delivery as processed: the broker forgets the message. */
    void ack();

    /**
     * Settles the delivery as refused.
     *
     * @param requeue {@code true} to hand the message to a consumer again; {@code false} to drop it
     *     or dead-letter it where the queue is configured to (never loops)
     */
    void reject(boolean requeue);
}
