package io.postage.codec.json.internal;

import io.postage.DecodeException;
import io.postage.DecodeException.Reason;
import java.util.Locale;

/** The wording of every {@link DecodeException} the codecs throw, so that both say the same thing. */
final class DecodeFailures {
    private DecodeFailures() {
    }

    static DecodeException tooLarge(int size, int limit) {
        return new DecodeException(Reason.TOO_LARGE,
                "Body is " + size + " bytes, larger than the limit of " + limit + " bytes");
    }

    static DecodeException notUtf8(int offset, byte[] body, int length) {
        StringBuilder bytes = new StringBuilder();
        for (int i = offset; i < offset + length && i < body.length; i++) {
            bytes.append(bytes.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", body[i] & 0xFF));
        }
        return new DecodeException(Reason.NOT_UTF8,
                "Body is not valid UTF-8: invalid byte sequence " + bytes + " at byte offset " + offset);
    }

    static DecodeException empty() {
        return new DecodeException(Reason.NOT_JSON, "Body is not valid JSON: it is empty");
    }

    static DecodeException notJson(int line, int column, String excerpt, String detail, Throwable cause) {
        return new DecodeException(Reason.NOT_JSON, "Body is not valid JSON at line " + line + ", column " + column
                + " near '" + excerpt + "'" + (detail.isEmpty() ? "" : ": " + detail), cause);
    }

    static DecodeException notAnObject(JsonToken first) {
        return new DecodeException(Reason.NOT_AN_OBJECT,
                "Body is JSON but " + first.description() + ", not an object");
    }

    static DecodeException tooDeep(int limit) {
        return new DecodeException(Reason.TOO_DEEP,
                "Body nests JSON objects and arrays deeper than the limit of " + limit + " levels");
    }

    static DecodeException duplicateKey(String key, JsonPath path) {
        return new DecodeException(Reason.DUPLICATE_KEY,
                "Body repeats the key \"" + Excerpts.shorten(key) + "\" in one JSON object (at " + path + ")");
    }

    /**
     * @param length the length of the literal
     * @param where where it is: a path, or a line and column
     */
    static DecodeException numberTooLong(int length, String where) {
        return new DecodeException(Reason.NUMBER_TOO_LONG, "Body has a number of " + length
                + " characters, more than the limit of " + JsonNumbers.MAX_LITERAL_LENGTH + " (at " + where + ")");
    }

    static DecodeException numberOutOfRange(String literal, JsonPath path, Throwable cause) {
        return new DecodeException(Reason.NUMBER_TOO_LONG, "Body has a number too large to be read, "
                + Excerpts.shorten(literal) + " (at " + path + ")", cause);
    }
}
