package io.postage.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The transport-level properties of a message, the subset both AMQP 0-9-1 and AMQP 1.0 carry.
 *
 * @param contentType the codec's content type, such as {@code application/json}; empty if the
 *     sender set none (Postage 1.x RPC replies set none)
 * @param replyTo where an RPC reply goes, in the transport's own address form
 * @param correlationId ties a reply to its request
 * @param headers flat application headers: string, number and boolean values only
 * @param persistent whether the broker should store the message on disk
 */
public record MessageProperties(Optional<String> contentType, Optional<String> replyTo,
        Optional<String> correlationId, Map<String, Object> headers, boolean persistent) {

    /** Properties with nothing set. */
    public static final MessageProperties NONE =
            new MessageProperties(Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), false);

    /** Checks the values and copies the headers. */
    public MessageProperties {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(correlationId, "correlationId");
        headers = Map.copyOf(headers);
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            Object value = header.getValue();
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("Header \"" + header.getKey()
                        + "\" must be a string, number or boolean (headers are kept flat), not "
                        + value.getClass().getName());
            }
        }
    }

    /**
     * @param contentType the codec's content type
     * @return properties with only the content type set
     */
    public static MessageProperties of(String contentType) {
        return NONE.withContentType(contentType);
    }

    /**
     * @param contentType the content type
     * @return a copy with that content type
     */
    public MessageProperties withContentType(String contentType) {
        return new MessageProperties(Optional.of(contentType), replyTo, correlationId, headers, persistent);
    }

    /**
     * @param replyTo the reply address
     * @return a copy with that reply address
     */
    public MessageProperties withReplyTo(String replyTo) {
        return new MessageProperties(contentType, Optional.of(replyTo), correlationId, headers, persistent);
    }

    /**
     * @param correlationId the correlation id
     * @return a copy with that correlation id
     */
    public MessageProperties withCorrelationId(String correlationId) {
        return new MessageProperties(contentType, replyTo, Optional.of(correlationId), headers, persistent);
    }

    /**
     * @param headers flat application headers
     * @return a copy with those headers
     */
    public MessageProperties withHeaders(Map<String, ?> headers) {
        return new MessageProperties(contentType, replyTo, correlationId, Map.copyOf(headers), persistent);
    }

    /**
     * @param persistent whether the broker should store the message on disk
     * @return a copy with that delivery mode
     */
    public MessageProperties withPersistent(boolean persistent) {
        return new MessageProperties(contentType, replyTo, correlationId, headers, persistent);
    }
}
