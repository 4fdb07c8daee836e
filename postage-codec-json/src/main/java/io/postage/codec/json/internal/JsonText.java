package io.postage.codec.json.internal;

import io.postage.DecodeException;
import java.io.CharArrayReader;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A body checked as strict UTF-8, ready for a parser, that can say where a syntax error is: line,
 * column (both from 1, in UTF-16 characters, lines ending at {@code \n}) and an excerpt. Both backends
 * parse this text, so they accept and refuse exactly the same bytes as UTF-8.
 *
 * <p>Most bodies are ASCII (the envelope's keys, names and fingerprints are): those are kept as the
 * received bytes, where one byte is one character, and parsed from them; other bodies are decoded to a
 * {@code char[]} first. The characters of an ASCII body are only made when a syntax error is reported.
 */
final class JsonText {
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    private final byte[] ascii;
    private char[] chars;
    private final int length;

    private JsonText(byte[] ascii, char[] chars, int length) {
        this.ascii = ascii;
        this.chars = chars;
        this.length = length;
    }

    /**
     * Checks and decodes a body, skipping a leading byte order mark (as Python's {@code json.loads} does
     * for bytes).
     *
     * @param body the received bytes; an ASCII body is kept, not copied, so it must not change
     * @return the text
     * @throws DecodeException {@code NOT_UTF8} naming the first bad byte sequence (overlong forms and
     *     encoded surrogates included), or {@code NOT_JSON} if the body is empty or only whitespace
     */
    static JsonText decodeUtf8(byte[] body) {
        JsonText text = isPlainAscii(body) ? new JsonText(body, null, body.length) : decodeNonAscii(body);
        if (text.isBlank()) {
            throw DecodeFailures.empty();
        }
        return text;
    }

    /**
     * @return whether every byte is ASCII and none is NUL (which could make a parser guess UTF-16 or UTF-32);
     *     eight bytes at a time
     */
    private static boolean isPlainAscii(byte[] body) {
        int i = 0;
        for (; i + Long.BYTES <= body.length; i += Long.BYTES) {
            long eight = (long) LONGS.get(body, i);
            if (((eight | (eight - LOW_BITS)) & HIGH_BITS) != 0) {
                return false;
            }
        }
        for (; i < body.length; i++) {
            if (body[i] <= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A string can only hold an unpaired surrogate through a <code>&#92;u</code> escape: strict UTF-8
     * decoding pairs every surrogate it makes.
     *
     * @return false if the text has no backslash, so that no string in it needs checking for unpaired
     *     surrogates; true if it may
     */
    boolean mayEscapeSurrogates() {
        if (ascii == null) {
            for (int i = 0; i < length; i++) {
                if (chars[i] == '\\') {
                    return true;
                }
            }
            return false;
        }
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long backslashesAreZero = (long) LONGS.get(ascii, i) ^ BACKSLASHES;
            if (((backslashesAreZero - LOW_BITS) & ~backslashesAreZero & HIGH_BITS) != 0) {
                return true;
            }
        }
        for (; i < length; i++) {
            if (ascii[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    private static JsonText decodeNonAscii(byte[] body) {
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
        return new JsonText(null, out.array(), out.position());
    }

    private static boolean startsWithByteOrderMark(byte[] body) {
        return body.length >= BYTE_ORDER_MARK.length && body[0] == BYTE_ORDER_MARK[0]
                && body[1] == BYTE_ORDER_MARK[1] && body[2] == BYTE_ORDER_MARK[2];
    }

    private boolean isBlank() {
        for (int i = 0; i < length; i++) {
            char c = charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private char charAt(int index) {
        return ascii != null ? (char) ascii[index] : chars[index];
    }

    /**
     * @return the body's bytes if it is ASCII (one byte per character, no byte order mark, all
     *     {@link #length()} of them text), else empty: then read {@link #chars()}. Parsers read, never
     *     write them.
     */
    Optional<byte[]> asciiBytes() {
        return Optional.ofNullable(ascii);
    }

    /** @return the characters; only the first {@link #length()} are text. Parsers read, never write them. */
    char[] chars() {
        if (chars == null) {
            chars = new String(ascii, 0, length, StandardCharsets.US_ASCII).toCharArray();
        }
        return chars;
    }

    /** @return a reader of the characters, from the bytes themselves if the body is ASCII */
    Reader reader() {
        return ascii != null ? new AsciiReader(ascii, length) : new CharArrayReader(chars, 0, length);
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
        return DecodeFailures.notJson(lineAt(at), columnAt(at), Excerpts.around(chars(), length, at), detail, cause);
    }

    private int numberLiteralLengthAt(int offset) {
        int end = offset;
        while (end < length && isNumberChar(charAt(end))) {
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
            if (charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private int columnAt(int offset) {
        int lineStart = offset;
        while (lineStart > 0 && charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        return offset - lineStart + 1;
    }

    /** Reads ASCII bytes as characters without a decoder's buffers. */
    private static final class AsciiReader extends Reader {
        private final byte[] bytes;
        private final int length;
        private int position;

        AsciiReader(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }

        @Override
        public int read(char[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (char) bytes[position + i];
            }
            position += n;
            return n;
        }

        @Override
        public void close() {
            position = length;
        }
    }
}
