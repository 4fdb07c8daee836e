package io.postage.codec.json.internal;

import java.util.Locale;

/** Short, printable pieces of a body for error messages: never the whole body, never raw control characters. */
final class Excerpts {
    private static final int MAX_LENGTH = 100;
    private static final int CONTEXT = 10;

    private Excerpts() {
    }

    /** @return the text, cut to {@value #MAX_LENGTH} characters, control characters escaped */
    static String shorten(String text) {
        return text.length() <= MAX_LENGTH ? printable(text) : printable(text.substring(0, MAX_LENGTH)) + "...";
    }

    /**
     * @param chars the text
     * @param length how many of {@code chars} are text
     * @param offset a position in the text
     * @return up to {@value #CONTEXT} characters either side of the position, control characters escaped
     */
    static String around(char[] chars, int length, int offset) {
        int start = Math.max(0, offset - CONTEXT);
        int end = Math.min(length, offset + CONTEXT);
        return printable(new String(chars, start, Math.max(0, end - start)));
    }

    private static String printable(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
