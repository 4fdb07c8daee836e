package io.postage.spi;

/** An active consumer on a queue; closing it cancels the consumer. Unsettled deliveries go back to the queue. */
public interface Subscription extends AutoCloseable {

    /** @return the queue consumed */
    String queue();

    /** Cancels the consumer; idempotent. */
    @Override
    void close();
}
