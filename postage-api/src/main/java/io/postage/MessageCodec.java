package io.postage;

import io.postage.spi.DecodeLimits;
import io.postage.spi.Encoder;
import java.util.Map;
import java.util.Objects;

/**
 * Turns {@link Message}s into bodies and back with one {@link Encoder}: the step between the
 * programming model and a transport.
 *
 * {@snippet :
 * MessageCodec codec = MessageCodec.of(PostageConfig.fromEnvironment().codec());
 * byte[] body = codec.encode(Message.command("echo", Map.of("text", "hi")));
 * Message back = codec.decode(body);
 * }
 */
public final class MessageCodec {
    private final Encoder encoder;

    private MessageCodec(Encoder encoder) {
        this.encoder = encoder;
    }

    /**
     * @param codecId a codec id such as {@code jackson}
     * @return a codec with the default decode limits
     * @throws ProviderNotFoundException if no codec has that id
     */
    public static MessageCodec of(String codecId) {
        return of(codecId, DecodeLimits.DEFAULT);
    }

    /**
     * @param codecId a codec id such as {@code jackson}
     * @param limits what the decoder accepts
     * @return a codec
     * @throws ProviderNotFoundException if no codec has that id
     */
    public static MessageCodec of(String codecId, DecodeLimits limits) {
        return new MessageCodec(Providers.encoder(codecId).create(limits));
    }

    /**
     * @param encoder the encoder to use
     * @return a codec around it
     */
    public static MessageCodec of(Encoder encoder) {
        return new MessageCodec(Objects.requireNonNull(encoder, "encoder"));
    }

    /** @return the content type of the bodies, such as {@code application/json} */
    public String contentType() {
        return encoder.contentType();
    }

    /**
     * @param message the message
     * @return its encoded wire form
     */
    public byte[] encode(Message message) {
        return encoder.encode(message.toWire());
    }

    /**
     * @param wire any JSON object, written as it is (Postage 1.x's {@code forward})
     * @return its encoded form
     */
    public byte[] encodeBody(Map<String, ?> wire) {
        return encoder.encode(wire);
    }

    /**
     * @param body a received body
     * @return the message
     * @throws DecodeException naming what is wrong with the body
     */
    public Message decode(byte[] body) {
        return Message.fromOwnedWire(encoder.decode(body));
    }
}
