package io.postage.codec.json.internal;

import java.util.Locale;

/** Checks Java strings for what UTF-8 cannot encode. */
final class Utf16 {
    private Utf16() {
    }

    /**
     * @param text any string
     * @return the index of the first high surrogate without a low one after it, or low surrogate
     *     without a high one before it; -1 if there is none
     */
    static int firstUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the character as {@code U+D800} */
    static String codeUnit(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
