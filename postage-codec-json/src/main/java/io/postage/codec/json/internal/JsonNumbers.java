package io.postage.codec.json.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The number policy both codecs share. Writing: integers stay integers, {@code Double} is printed by
 * {@link Double#toString(double)}, {@code Float} like the {@code Double} it prints as, {@code BigDecimal}
 * by {@link BigDecimal#toString()}. Reading: integral literals become the smallest of {@code Integer},
 * {@code Long} and {@code BigInteger} that holds them, other literals {@code Double}, or
 * {@code BigDecimal} when a {@code Double} would overflow to infinity.
 */
final class JsonNumbers {

    /** The longest number literal read; longer ones are refused before they are converted. */
    static final int MAX_LITERAL_LENGTH = 1000;

    private static final int LONGEST_LITERAL_THAT_FITS_A_LONG = 18;

    private JsonNumbers() {
    }

    /**
     * @param number a number to write
     * @param path where it sits, for the error message
     * @return its JSON literal
     * @throws IllegalArgumentException naming the path if the number is NaN, infinite or of an unknown type
     */
    static String literal(Number number, JsonPath path) {
        return switch (number) {
            case Integer value -> value.toString();
            case Long value -> value.toString();
            case BigInteger value -> value.toString();
            case Short value -> value.toString();
            case Byte value -> value.toString();
            case Double value -> finiteLiteral(value, number, path);
            case Float value -> finiteLiteral(Double.parseDouble(value.toString()), number, path);
            case BigDecimal value -> value.toString();
            default -> throw new IllegalArgumentException(path + ": " + number.getClass().getName()
                    + " is not a supported JSON number (use Integer, Long, BigInteger, Double or BigDecimal)");
        };
    }

    private static String finiteLiteral(double value, Number original, JsonPath path) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(path + ": " + original + " cannot be written as JSON");
        }
        return Double.toString(value);
    }

    /**
     * @param literal a valid JSON number literal of at most {@link #MAX_LITERAL_LENGTH} characters
     * @return its value as {@code Integer}, {@code Long}, {@code BigInteger}, {@code Double} or {@code BigDecimal}
     * @throws NumberFormatException if its exponent is too large even for a {@code BigDecimal}
     */
    static Number parse(String literal) {
        if (isIntegral(literal)) {
            return parseInteger(literal);
        }
        double value = Double.parseDouble(literal);
        return Double.isInfinite(value) ? new BigDecimal(literal) : value;
    }

    private static boolean isIntegral(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    private static Number parseInteger(String literal) {
        if (literal.length() <= LONGEST_LITERAL_THAT_FITS_A_LONG) {
            return smallest(Long.parseLong(literal));
        }
        BigInteger value = new BigInteger(literal);
        return value.bitLength() < Long.SIZE ? smallest(value.longValue()) : value;
    }

    private static Number smallest(long value) {
        if (value == (int) value) {
            return (int) value;
        }
        return value;
    }
}
