package io.postage.codec.json.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.Serial;

/**
 * Makes Jackson escape strings exactly as Gson's {@code JsonWriter} does with HTML-safety off:
 * {@code \" \\ \b \f \n \r \t} as short escapes, other control characters as <code>&#92;u00xx</code>
 * (lowercase hex, set on the factory), and U+2028 and U+2029 as <code>&#92;u2028</code> and
 * <code>&#92;u2029</code>, which JavaScript once refused raw in strings. Everything else is written raw.
 */
final class WireCharacterEscapes extends CharacterEscapes {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final int LINE_SEPARATOR_CHAR = 0x2028;
    private static final int PARAGRAPH_SEPARATOR_CHAR = 0x2029;
    private static final int[] ASCII_ESCAPES = standardAsciiEscapesForJSON();
    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII_ESCAPES; // generators only read it (as Jackson's own JsonpCharacterEscapes assumes): no copy per message
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return switch (ch) {
            case LINE_SEPARATOR_CHAR -> LINE_SEPARATOR;
            case PARAGRAPH_SEPARATOR_CHAR -> PARAGRAPH_SEPARATOR;
            default -> null;
        };
    }
}
