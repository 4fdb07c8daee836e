package io.postage.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes deeply immutable copies of JSON values: {@code Map<String, ?>} (order kept), {@code List},
 * {@code String}, {@code Boolean}, {@code null} and numbers. Numbers are normalised so that every
 * codec writes them alike: {@code Byte}/{@code Short}/{@code Integer} become {@code Integer},
 * {@code Long} and {@code BigInteger} stay, {@code Float} becomes the {@code Double} it prints as,
 * {@code Double} and {@code BigDecimal} stay. NaN and infinities are refused: JSON cannot carry them.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * @param value a JSON value
     * @param path where the value sits, for error messages ({@code content.parameters})
     * @return an immutable copy
     * @throws IllegalArgumentException naming the path if a value is not JSON
     */
    public static Object freeze(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return normalize(number, path);
        }
        if (value instanceof Map<?, ?> map) {
            return freezeObject(map, path);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(freeze(list.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + ": " + value.getClass().getName()
                + " is not a JSON value (use Map, List, String, Number, Boolean or null)");
    }

    /**
     * @param map a JSON object
     * @param path where the object sits, for error messages
     * @return an immutable, insertion-ordered copy
     * @throws IllegalArgumentException naming the path if a key is not a string or a value is not JSON
     */
    public static Map<String, Object> freezeObject(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + ": JSON object keys must be strings, found "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
            }
            copy.put(key, freeze(entry.getValue(), path + "." + key));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Number normalize(Number number, String path) {
        if (number instanceof Integer || number instanceof Long || number instanceof BigInteger
                || number instanceof BigDecimal) {
            return number;
        }
        if (number instanceof Short || number instanceof Byte) {
            return number.intValue();
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number instanceof Float f ? Double.parseDouble(f.toString()) : number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(path + ": " + number + " cannot be written as JSON");
            }
            return d;
        }
        throw new IllegalArgumentException(path + ": " + number.getClass().getName()
                + " is not a supported JSON number (use Integer, Long, BigInteger, Double or BigDecimal)");
    }
}
