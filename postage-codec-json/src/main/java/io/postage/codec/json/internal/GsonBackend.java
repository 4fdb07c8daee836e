package io.postage.codec.json.internal;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Gson's streaming {@link JsonReader} (strict: RFC 8259 only) and {@link JsonWriter} (compact, not
 * HTML-safe, nulls kept). Gson's nesting limit is lifted, so that {@link JsonTreeBuilder} decides.
 * Only loaded once {@link GsonEncoderProvider} has checked that Gson is present.
 */
final class GsonBackend implements JsonBackend {

    @Override
    public JsonTokenReader openReader(JsonText text) {
        JsonReader reader = new JsonReader(text.reader());
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(Integer.MAX_VALUE);
        return new GsonTokenReader(reader, text);
    }

    @Override
    public JsonTokenWriter openWriter(OutputStream out) {
        JsonWriter writer = new JsonWriter(new Utf8OnClose(out));
        writer.setStrictness(Strictness.STRICT);
        writer.setHtmlSafe(false);
        writer.setSerializeNulls(true);
        return new GsonTokenWriter(writer);
    }

    /**
     * Collects the JSON text and writes it to the stream as UTF-8 once, when Gson closes it: a
     * {@code BufferedWriter} over an {@code OutputStreamWriter} would allocate 16 KiB of buffers per message.
     * The encoder refuses unpaired surrogates before they get here, so the UTF-8 conversion is exact.
     */
    private static final class Utf8OnClose extends StringWriter {
        private final OutputStream out;

        Utf8OnClose(OutputStream out) {
            this.out = out;
        }

        @Override
        public void close() throws IOException {
            out.write(toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
