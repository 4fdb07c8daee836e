package io.postage.codec.json.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Walks a wire map and writes it as tokens, refusing anything that is not JSON with an
 * {@link IllegalArgumentException} that names the path. Keys keep the map's order; numbers are
 * written as {@link JsonNumbers#literal} prints them, so every backend writes them alike.
 */
final class JsonTreeWriter {

    /** The deepest nesting written; deeper values are refused (usually a map that contains itself). */
    static final int MAX_DEPTH = 1000;

    private final JsonTokenWriter out;
    private final JsonPath path = new JsonPath();
    private int depth;

    /** @param out where the tokens go */
    JsonTreeWriter(JsonTokenWriter out) {
        this.out = out;
    }

    /**
     * @param wire the JSON object to write
     * @throws IllegalArgumentException naming the path if a value is not JSON
     * @throws IOException if the generator fails
     */
    void writeTopLevel(Map<?, ?> wire) throws IOException {
        writeObject(wire);
    }

    private void writeValue(Object value) throws IOException {
        switch (value) {
            case null -> out.nullValue();
            case String string -> out.string(requireWellFormed(string, "string"));
            case Boolean bool -> out.bool(bool);
            case Number number -> out.number(JsonNumbers.literal(number, path));
            case Map<?, ?> object -> writeObject(object);
            case List<?> array -> writeArray(array);
            default -> throw new IllegalArgumentException(path + ": " + value.getClass().getName()
                    + " is not a JSON value (use Map, List, String, Number, Boolean or null)");
        }
    }

    private void writeObject(Map<?, ?> object) throws IOException {
        enter();
        out.beginObject();
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + ": JSON object keys must be strings, found "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
            }
            path.set(key);
            out.name(requireWellFormed(key, "key"));
            writeValue(entry.getValue());
        }
        out.endObject();
        leave();
    }

    private void writeArray(List<?> array) throws IOException {
        enter();
        out.beginArray();
        int index = 0;
        for (Object element : array) {
            path.set(index++);
            writeValue(element);
        }
        out.endArray();
        leave();
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + ": nested deeper than " + MAX_DEPTH
                    + " levels; does a map or list contain itself?");
        }
        path.push();
    }

    private void leave() {
        depth--;
        path.pop();
    }

    private String requireWellFormed(String text, String what) {
        int index = Utf16.firstUnpairedSurrogate(text);
        if (index >= 0) {
            throw new IllegalArgumentException(path + ": the " + what + " has an unpaired surrogate "
                    + Utf16.codeUnit(text.charAt(index)) + " at index " + index
                    + ", which UTF-8 cannot carry");
        }
        return text;
    }
}
