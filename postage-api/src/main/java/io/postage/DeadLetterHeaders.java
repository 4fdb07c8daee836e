package io.postage;

/**
 * The headers Postage writes on the copies it makes of a failed message: a retry carries
 * {@link #ATTEMPTS} (and {@link #RETRY_AT} while it waits in its retry queue); a dead-lettered message
 * carries {@link #REASON}, {@link #ATTEMPTS} and {@link #ORIGINAL_QUEUE}. They are flat AMQP headers (AMQP 1.0
 * application properties), readable by any client that consumes the dead-letter queue.
 */
public final class DeadLetterHeaders {
    /** Why the message was dead-lettered: a sentence, such as {@code undecodable body (TOO_LARGE): ...}. */
    public static final String REASON = "x-postage-dead-letter-reason";
    /** How many times the message was tried: an integer, 1 for a message that could not be decoded or was rejected at once. */
    public static final String ATTEMPTS = "x-postage-attempts";
    /** The queue the message was consumed from. */
    public static final String ORIGINAL_QUEUE = "x-postage-original-queue";
    /** When a retry waiting in a retry queue is due: milliseconds since the epoch. */
    public static final String RETRY_AT = "x-postage-retry-at";

    private DeadLetterHeaders() {
    }
}
