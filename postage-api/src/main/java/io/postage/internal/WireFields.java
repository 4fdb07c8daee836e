package io.postage.internal;

import io.postage.DecodeException;
import io.postage.DecodeException.Reason;
import java.util.List;
import java.util.Map;

/** Reads typed keys out of a decoded JSON object, failing with a {@link DecodeException} that names the key. */
public final class WireFields {
    private WireFields() {
    }

    /** @return the value at {@code key}; it may be JSON null */
    public static Object require(Map<String, ?> map, String key, String path) {
        Object value = map.get(key);
        if (value == null && !map.containsKey(key)) {
            throw new DecodeException(Reason.MISSING_KEY, "Missing key \"" + path + key + "\" in the message envelope");
        }
        return value;
    }

    /** @return the string at {@code key} */
    public static String requireString(Map<String, ?> map, String key, String path) {
        Object value = require(map, key, path);
        if (value instanceof String string) {
            return string;
        }
        throw wrongType(path + key, "a string", value);
    }

    /** @return the JSON object at {@code key} */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> requireObject(Map<String, ?> map, String key, String path) {
        Object value = require(map, key, path);
        if (value instanceof Map<?, ?> object) {
            return (Map<String, Object>) object;
        }
        throw wrongType(path + key, "an object", value);
    }

    /** @return a {@link Reason#WRONG_TYPE} exception that names the key, the expected and the found JSON type */
    public static DecodeException wrongType(String key, String expected, Object found) {
        return new DecodeException(Reason.WRONG_TYPE,
                "Key \"" + key + "\" must be " + expected + " but is " + jsonTypeOf(found));
    }

    /** @return the JSON type name of a decoded value, with an article */
    public static String jsonTypeOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
