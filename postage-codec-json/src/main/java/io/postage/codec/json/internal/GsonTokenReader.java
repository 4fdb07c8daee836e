package io.postage.codec.json.internal;

import com.google.gson.stream.JsonReader;
import io.postage.DecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads tokens with a Gson {@link JsonReader}, turning its syntax errors into {@code NOT_JSON}. */
final class GsonTokenReader implements JsonTokenReader {
    /** Gson's advice to read leniently, which we never do: it says nothing about the error itself. */
    private static final String STRICTNESS_HINT = "Use JsonReader.setStrictness";
    private static final String LOCATION = " at line ";

    private final JsonReader reader;
    private final JsonText text;
    private String tokenText;

    GsonTokenReader(JsonReader reader, JsonText text) {
        this.reader = reader;
        this.text = text;
    }

    @Override
    public JsonToken next() {
        try {
            return switch (reader.peek()) {
                case BEGIN_OBJECT -> {
                    reader.beginObject();
                    yield JsonToken.START_OBJECT;
                }
                case END_OBJECT -> {
                    reader.endObject();
                    yield JsonToken.END_OBJECT;
                }
                case BEGIN_ARRAY -> {
                    reader.beginArray();
                    yield JsonToken.START_ARRAY;
                }
                case END_ARRAY -> {
                    reader.endArray();
                    yield JsonToken.END_ARRAY;
                }
                case NAME -> withText(JsonToken.NAME, reader.nextName());
                case STRING -> withText(JsonToken.STRING, reader.nextString());
                case NUMBER -> withText(JsonToken.NUMBER, reader.nextString());
                case BOOLEAN -> reader.nextBoolean() ? JsonToken.TRUE : JsonToken.FALSE;
                case NULL -> {
                    reader.nextNull();
                    yield JsonToken.NULL;
                }
                case END_DOCUMENT -> JsonToken.END_OF_INPUT;
            };
        } catch (IOException e) {
            throw text.syntaxError(reader.getCharacterOffset(), detail(e.getMessage()), e);
        }
    }

    /** @return Gson's description without its location, path, troubleshooting link and strictness advice */
    private static String detail(String message) {
        if (message == null || message.startsWith(STRICTNESS_HINT)) {
            return "";
        }
        int location = message.indexOf(LOCATION);
        return location < 0 ? message : message.substring(0, location);
    }

    private JsonToken withText(JsonToken token, String value) {
        tokenText = value;
        return token;
    }

    @Override
    public String text() {
        return tokenText;
    }

    @Override
    public DecodeException syntaxErrorHere(String detail) {
        return text.syntaxError(reader.getCharacterOffset(), detail, null);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Gson failed closing a reader over memory", e);
        }
    }
}
