package io.postage.codec.json.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in a JSON tree, kept up to date while walking it and rendered only for error
 * messages, in the style of the API's messages: {@code content.parameters[2].text}. Each segment is a
 * key or an array index; a fresh segment is empty until the walker sets it.
 */
final class JsonPath {
    private static final int MAX_RENDERED_LENGTH = 200;

    private final List<Object> segments = new ArrayList<>();

    /** Opens a segment for the members of a new object or array. */
    void push() {
        segments.add(null);
    }

    /** Closes the innermost segment. */
    void pop() {
        segments.removeLast();
    }

    /** @param key the key of the innermost object that is being read or written */
    void set(String key) {
        segments.set(segments.size() - 1, key);
    }

    /** @param index the index in the innermost array that is being read or written */
    void set(int index) {
        segments.set(segments.size() - 1, index);
    }

    /** @return the key set last at the innermost level */
    String key() {
        return (String) segments.getLast();
    }

    /** @return the path, such as {@code content.parameters[2]}, or {@code (top level)} */
    @Override
    public String toString() {
        StringBuilder rendered = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                rendered.append('[').append(index).append(']');
            } else if (segment != null) {
                rendered.append(rendered.isEmpty() ? "" : ".").append(segment);
            }
        }
        if (rendered.isEmpty()) {
            return "(top level)";
        }
        return rendered.length() <= MAX_RENDERED_LENGTH ? rendered.toString()
                : rendered.substring(0, MAX_RENDERED_LENGTH) + "...";
    }
}
