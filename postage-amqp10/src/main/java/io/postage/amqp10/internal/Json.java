package io.postage.amqp10.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little JSON the management interfaces need: writing declaration bodies, reading one string field of
 * an error body. Not a general JSON library (the API's codecs are not reachable from a transport).
 */
final class Json {

    private Json() {
    }

    /**
     * @param value a map with string keys, a list, a string, a number, a boolean or {@code null}, nested freely
     * @return its JSON text
     * @throws IllegalArgumentException for any other value
     */
    static String write(Object value) {
        StringBuilder json = new StringBuilder();
        write(json, value);
        return json.toString();
    }

    private static void write(StringBuilder json, Object value) {
        switch (value) {
            case null -> json.append("null");
            case String text -> string(json, text);
            case Number number -> json.append(number);
            case Boolean flag -> json.append(flag);
            case Map<?, ?> map -> {
                json.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.append(first ? "" : ",");
                    string(json, String.valueOf(entry.getKey()));
                    json.append(':');
                    write(json, entry.getValue());
                    first = false;
                }
                json.append('}');
            }
            case List<?> list -> {
                json.append('[');
                for (int i = 0; i < list.size(); i++) {
                    json.append(i == 0 ? "" : ",");
                    write(json, list.get(i));
                }
                json.append(']');
            }
            default -> throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /**
     * @param json a JSON object's text
     * @param name a field of it whose value is a string
     * @return that string, escapes undone, if the field is there
     */
    static Optional<String> stringField(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1).replaceAll("\\\\(.)", "$1"));
    }
}
