package io.postage.spi;

import java.util.Objects;

/**
 * An encoded message ready to publish. The body array is not copied, for speed: neither side may
 * change it after construction.
 *
 * @param body the encoded bytes
 * @param properties the transport properties
 */
public record OutgoingMessage(byte[] body, MessageProperties properties) {
    /** Checks that nothing is null. */
    public OutgoingMessage {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(properties, "properties");
    }
}
