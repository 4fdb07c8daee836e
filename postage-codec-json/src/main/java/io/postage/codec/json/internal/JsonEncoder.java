package io.postage.codec.json.internal;

import io.postage.spi.DecodeLimits;
import io.postage.spi.Encoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code application/json} encoder: the shared policy around one {@link JsonBackend}. Encoding
 * walks the wire map with {@link JsonTreeWriter}; decoding checks the size, decodes strict UTF-8 with
 * {@link JsonText} and builds the tree with {@link JsonTreeBuilder}. Immutable, so thread-safe.
 */
final class JsonEncoder implements Encoder {
    static final String CONTENT_TYPE = "application/json";

    private final String id;
    private final JsonBackend backend;
    private final DecodeLimits limits;

    JsonEncoder(String id, JsonBackend backend, DecodeLimits limits) {
        this.id = id;
        this.backend = backend;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public byte[] encode(Map<String, ?> wire) {
        Objects.requireNonNull(wire, "wire");
        SegmentedBytes out = new SegmentedBytes();
        try {
            JsonTokenWriter writer = backend.openWriter(out);
            new JsonTreeWriter(writer).writeTopLevel(wire);
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    @Override
    public Map<String, Object> decode(byte[] body) {
        if (body.length > limits.maxBodyBytes()) {
            throw DecodeFailures.tooLarge(body.length, limits.maxBodyBytes());
        }
        JsonText text = JsonText.decodeUtf8(body);
        try (JsonTokenReader tokens = backend.openReader(text)) {
            return new JsonTreeBuilder(limits.maxDepth(), text.mayEscapeSurrogates()).readTopLevelObject(tokens);
        }
    }

    @Override
    public String toString() {
        return "JsonEncoder[" + id + ", " + limits + "]";
    }
}
