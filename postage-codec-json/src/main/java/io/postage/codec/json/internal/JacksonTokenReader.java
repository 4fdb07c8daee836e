package io.postage.codec.json.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.postage.DecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** Reads tokens with a Jackson {@link JsonParser}, turning its syntax errors into {@code NOT_JSON}. */
final class JacksonTokenReader implements JsonTokenReader {
    /** Jackson's advice on features to enable, and the start marker it appends to end-of-input errors. */
    private static final Pattern HINTS = Pattern.compile(
            "[:;,]?\\s*(?:to allow,\\s*)?enable `[^`]*`(?: to allow)?"
                    + "|\\s*\\(not recognized as one since Feature '[^']*' not enabled for parser\\)"
                    + "|\\s*\\(start marker at \\[Source:.*?\\]\\)",
            Pattern.DOTALL);

    private final JsonParser parser;
    private final JsonText text;
    private String tokenText;

    /**
     * @param parser a parser of the text, or of its ASCII bytes
     * @param text the text
     */
    JacksonTokenReader(JsonParser parser, JsonText text) {
        this.parser = parser;
        this.text = text;
    }

    @Override
    public JsonToken next() {
        try {
            com.fasterxml.jackson.core.JsonToken token = parser.nextToken();
            if (token == null) {
                return JsonToken.END_OF_INPUT;
            }
            return switch (token) {
                case START_OBJECT -> JsonToken.START_OBJECT;
                case END_OBJECT -> JsonToken.END_OBJECT;
                case START_ARRAY -> JsonToken.START_ARRAY;
                case END_ARRAY -> JsonToken.END_ARRAY;
                case FIELD_NAME -> withText(JsonToken.NAME, parser.currentName());
                case VALUE_STRING -> withText(JsonToken.STRING, parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> withText(JsonToken.NUMBER, parser.getText());
                case VALUE_TRUE -> JsonToken.TRUE;
                case VALUE_FALSE -> JsonToken.FALSE;
                case VALUE_NULL -> JsonToken.NULL;
                case NOT_AVAILABLE, VALUE_EMBEDDED_OBJECT ->
                        throw new IllegalStateException("Jackson returned " + token + " for JSON text");
            };
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw text.syntaxError(location == null ? -1 : offset(location),
                    HINTS.matcher(e.getOriginalMessage()).replaceAll(""), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Jackson failed reading from memory", e);
        }
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
        return text.syntaxError(offset(parser.currentTokenLocation()), detail, null);
    }

    /**
     * @return the location in characters; a parser of bytes may count bytes instead, which is the same in
     *     the ASCII bodies it is given
     */
    private static long offset(JsonLocation location) {
        return location.getCharOffset() >= 0 ? location.getCharOffset() : location.getByteOffset();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Jackson failed closing a parser over memory", e);
        }
    }
}
