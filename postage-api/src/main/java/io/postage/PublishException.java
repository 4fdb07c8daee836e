package io.postage;

import java.io.Serial;
import java.util.Objects;

/**
 * A publish the caller asked to be confirmed ({@link Producer.Builder#confirm(boolean)}) or routed
 * ({@link Producer.Builder#mandatory(boolean)}) did not make it: the broker refused it, could route it to
 * no queue, did not confirm it in time, or the connection was lost before it did. It is a
 * {@link TransportException}, so code that handles every failed broker operation handles it too; catch
 * it to republish (delivery is then at least once: the broker may have kept the first copy).
 */
public final class PublishException extends TransportException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why the publish failed. */
    public enum Reason {
        /** The broker refused the message (AMQP 0-9-1 nack; AMQP 1.0 rejected or released outcome). */
        REFUSED,
        /** The message was mandatory and no queue was bound to take it (AMQP 0-9-1 basic.return). */
        UNROUTABLE,
        /** The broker did not confirm the message within the confirm timeout. */
        TIMED_OUT,
        /** The channel or connection closed before the broker confirmed the message. */
        LOST
    }

    private final String exchange;
    private final String routingKey;
    private final Reason reason;

    /**
     * @param exchange the exchange published to ({@code ""} for the default exchange)
     * @param routingKey the routing key
     * @param reason why it failed
     * @param detail the broker's words, or what happened
     */
    public PublishException(String exchange, String routingKey, Reason reason, String detail) {
        super(text(exchange, routingKey, reason, detail));
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.reason = reason;
    }

    /**
     * @param exchange the exchange published to ({@code ""} for the default exchange)
     * @param routingKey the routing key
     * @param reason why it failed
     * @param detail the broker's words, or what happened
     * @param cause the client library's exception
     */
    public PublishException(String exchange, String routingKey, Reason reason, String detail, Throwable cause) {
        super(text(exchange, routingKey, reason, detail), cause);
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.reason = reason;
    }

    private static String text(String exchange, String routingKey, Reason reason, String detail) {
        Objects.requireNonNull(reason, "reason");
        String what = switch (reason) {
            case REFUSED -> "the broker refused it";
            case UNROUTABLE -> "no queue is bound to take it";
            case TIMED_OUT -> "the broker did not confirm it in time";
            case LOST -> "the channel or connection closed before the broker confirmed it";
        };
        return "Cannot publish to " + (exchange.isEmpty() ? "the default exchange" : "exchange '" + exchange + "'")
                + " with routing key '" + routingKey + "': " + what + " (" + detail + ")";
    }

    /** @return the exchange published to ({@code ""} for the default exchange) */
    public String exchange() {
        return exchange;
    }

    /** @return the routing key */
    public String routingKey() {
        return routingKey;
    }

    /** @return why the publish failed */
    public Reason reason() {
        return reason;
    }
}
