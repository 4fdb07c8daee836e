package io.postage.codec.json.internal;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.BufferedWriter;
import java.io.CharArrayReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Gson's streaming {@link JsonReader} (strict: RFC 8259 only) and {@link JsonWriter} (compact, not
 * HTML-safe, nulls kept). Gson's nesting limit is lifted, so that {@link JsonTreeBuilder} decides.
 * Only loaded once {@link GsonEncoderProvider} has checked that Gson is present.
 */
final class GsonBackend implements JsonBackend {

    @Override
    public JsonTokenReader openReader(JsonText text) {
        JsonReader reader = new JsonReader(new CharArrayReader(text.chars(), 0, text.length()));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(Integer.MAX_VALUE);
        return new GsonTokenReader(reader, text);
    }

    @Override
    public JsonTokenWriter openWriter(OutputStream out) {
        JsonWriter writer = new JsonWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        writer.setStrictness(Strictness.STRICT);
        writer.setHtmlSafe(false);
        writer.setSerializeNulls(true);
        return new GsonTokenWriter(writer);
    }
}
