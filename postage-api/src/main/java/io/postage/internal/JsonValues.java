package io.postage.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * Makes deeply immutable JSON values: {@code Map<String, ?>} (order kept), {@code List},
 * {@code String}, {@code Boolean}, {@code null} and numbers. Numbers are normalised so that every
 * codec writes them alike: {@code Byte}/{@code Short}/{@code Integer} become {@code Integer},
 * {@code Long} and {@code BigInteger} stay, {@code Float} becomes the {@code Double} it prints as,
 * {@code Double} and {@code BigDecimal} stay. NaN and infinities are refused: JSON cannot carry them.
 *
 * <p>{@link #freeze} and {@link #freezeObject} copy what the caller may still change;
 * {@link #freezeOwnedObject} takes a tree nobody else holds (a decoder's fresh output) and freezes it in
 * place. Paths for error messages are built only when a value is refused.
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
        try {
            return copy(value);
        } catch (NotJson e) {
            throw e.at(path);
        }
    }

    /**
     * @param map a JSON object
     * @param path where the object sits, for error messages
     * @return an immutable, insertion-ordered copy
     * @throws IllegalArgumentException naming the path if a key is not a string or a value is not JSON
     */
    public static Map<String, Object> freezeObject(Map<?, ?> map, String path) {
        try {
            return copyObject(map);
        } catch (NotJson e) {
            throw e.at(path);
        }
    }

    /**
     * Freezes a JSON object the caller owns and will not touch again, such as an {@code Encoder}'s fresh
     * decoding: {@code LinkedHashMap}s and {@code ArrayList}s are checked and wrapped unmodifiable in place
     * instead of copied (anything else in the tree is copied as by {@link #freezeObject}).
     *
     * @param map a JSON object nobody else holds
     * @param path where the object sits, for error messages
     * @return an immutable view of it, insertion order kept
     * @throws IllegalArgumentException naming the path if a key is not a string or a value is not JSON,
     *     with the same message as {@link #freezeObject}
     */
    public static Map<String, Object> freezeOwnedObject(Map<?, ?> map, String path) {
        try {
            return map instanceof LinkedHashMap<?, ?> owned ? ownObject(owned) : copyObject(map);
        } catch (NotJson e) {
            throw e.at(path);
        }
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyObject(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                try {
                    copy.add(copy(list.get(i)));
                } catch (NotJson e) {
                    throw e.within(i);
                }
            }
            return Collections.unmodifiableList(copy);
        }
        return scalar(value);
    }

    private static Map<String, Object> copyObject(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = key(entry.getKey());
            try {
                copy.put(key, copy(entry.getValue()));
            } catch (NotJson e) {
                throw e.within(key);
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object own(Object value) {
        if (value instanceof LinkedHashMap<?, ?> map) {
            return ownObject(map);
        }
        if (value instanceof ArrayList<?> list) {
            return ownList(list);
        }
        return copy(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ownObject(LinkedHashMap<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = key(entry.getKey());
            Object value = entry.getValue();
            try {
                Object frozen = own(value);
                if (frozen != value) {
                    ((Map.Entry<String, Object>) entry).setValue(frozen);
                }
            } catch (NotJson e) {
                throw e.within(key);
            }
        }
        return Collections.unmodifiableMap((Map<String, Object>) map);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ownList(ArrayList<?> list) {
        ListIterator<Object> values = ((List<Object>) list).listIterator();
        while (values.hasNext()) {
            int index = values.nextIndex();
            Object value = values.next();
            try {
                Object frozen = own(value);
                if (frozen != value) {
                    values.set(frozen);
                }
            } catch (NotJson e) {
                throw e.within(index);
            }
        }
        return Collections.unmodifiableList((List<Object>) list);
    }

    private static String key(Object key) {
        if (key instanceof String string) {
            return string;
        }
        throw new NotJson("JSON object keys must be strings, found "
                + (key == null ? "null" : key.getClass().getName()));
    }

    private static Object scalar(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return normalize(number);
        }
        throw new NotJson(value.getClass().getName()
                + " is not a JSON value (use Map, List, String, Number, Boolean or null)");
    }

    private static Number normalize(Number number) {
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
                throw new NotJson(number + " cannot be written as JSON");
            }
            return d;
        }
        throw new NotJson(number.getClass().getName()
                + " is not a supported JSON number (use Integer, Long, BigInteger, Double or BigDecimal)");
    }

    /**
     * A refused value on its way out of the recursion: each level adds where it was, so that the path is
     * built only on failure. Never escapes this class.
     */
    private static final class NotJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The path below the entry point, innermost segment first. */
        private final transient List<Object> segments = new ArrayList<>();

        NotJson(String problem) {
            super(problem, null, false, false);
        }

        NotJson within(Object keyOrIndex) {
            segments.add(keyOrIndex);
            return this;
        }

        IllegalArgumentException at(String path) {
            StringBuilder where = new StringBuilder(path);
            for (Object segment : segments.reversed()) {
                where.append(segment instanceof Integer index ? "[" + index + "]" : "." + segment);
            }
            return new IllegalArgumentException(where + ": " + getMessage());
        }
    }
}
