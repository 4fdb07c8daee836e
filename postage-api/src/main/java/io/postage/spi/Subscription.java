package io.postage.spi;

/**
 * An active consumer on a queue. {@link #cancel()} stops the deliveries while the ones received can still
 * be settled; {@link #close()} ends it, and the deliveries still unsettled then go back to the queue.
 */
public interface Subscription extends AutoCloseable {

    /** @return the queue consumed */
    String queue();

    /**
     * Cancels the consumer but keeps what settles its deliveries open, so that a graceful shutdown can
     * still acknowledge the deliveries being handled and give back the ones not started; idempotent.
     * A delivery already on its way may still reach the handler while or just after this runs.
     */
    void cancel();

    /** Cancels the consumer if needed and ends the subscription; unsettled deliveries go back to the queue. Idempotent. */
    @Override
    void close();
}
