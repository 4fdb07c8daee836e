package io.postage.codec.json.internal;

import io.postage.DecodeException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A body decoded from strict UTF-8, ready for a parser, that can say where a syntax error is: line,
 * column (both from 1, in UTF-16 characters, lines ending at {@code \n}) and an excerpt. Both backends
 * parse this text, so they accept and refuse exactly the same bytes as UTF-8.
 */
final class JsonText {
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final char[] chars;
    private final int length;

    private JsonText(char[] chars, int length) {
        this.chars = chars;
        this.length = length;
    }

    /**
     * Decodes a body, skipping a leading byte order mark (as Python's {@code json.loads} does for bytes).
     *
     * @param body the received bytes
     * @return the text
     * @throws DecodeException {@code NOT_UTF8} naming the first bad byte sequence (overlong forms and
     *     encoded surrogates included), or {@code NOT_JSON} if the body is empty or only whitespace
     */
    static JsonText decodeUtf8(byte[] body) {
        int start = startsWithByteOrderMark(body) ? BYTE_ORDER_MARK.length : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer out = CharBuffer.allocate(body.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw DecodeFailures.notUtf8(in.position(), body, result.length());
        }
        JsonText text = new JsonText(out.array(), out.position());
        if (text.isBlank()) {
            throw DecodeFailures.empty();
        }
        return text;
    }

    private static boolean startsWithByteOrderMark(byte[] body) {
        return body.length >= BYTE_ORDER_MARK.length && body[0] == BYTE_ORDER_MARK[0]
                && body[1] == BYTE_ORDER_MARK[1] && body[2] == BYTE_ORDER_MARK[2];
    }

    private boolean isBlank() {
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** @return the characters; only the first {@link #length()} are text. Parsers read, never write them. */
    char[] chars() {
        return chars;
    }

    /** @return the number of characters */
    int length() {
        return length;
    }

    /**
     * A parser found a syntax error. If the parser gave up at an overlong number literal (Gson does past
     * 1024 characters), the error is {@code NUMBER_TOO_LONG}, as when the tree builder sees the literal.
     *
     * @param offset where, in characters from the start; negative if the parser did not say
     * @param detail the parser's description without its own position and hints; may be empty
     * @param cause the parser's exception, or null
     * @return a {@code NOT_JSON} (or {@code NUMBER_TOO_LONG}) error naming line, column and an excerpt
     */
    DecodeException syntaxError(long offset, String detail, Throwable cause) {
        int at = Math.clamp(offset, 0, length);
        int numberLength = numberLiteralLengthAt(at);
        if (numberLength > JsonNumbers.MAX_LITERAL_LENGTH) {
            return DecodeFailures.numberTooLong(numberLength, "line " + lineAt(at) + ", column " + columnAt(at));
        }
        return DecodeFailures.notJson(lineAt(at), columnAt(at), Excerpts.around(chars, length, at), detail, cause);
    }

    private int numberLiteralLengthAt(int offset) {
        int end = offset;
        while (end < length && isNumberChar(chars[end])) {
            end++;
        }
        return end - offset;
    }

    private static boolean isNumberChar(char c) {
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }

    private int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (chars[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private int columnAt(int offset) {
        int lineStart = offset;
        while (lineStart > 0 && chars[lineStart - 1] != '\n') {
            lineStart--;
        }
        return offset - lineStart + 1;
    }
}
