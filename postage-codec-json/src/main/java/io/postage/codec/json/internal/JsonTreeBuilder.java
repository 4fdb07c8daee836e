package io.postage.codec.json.internal;

import io.postage.DecodeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a decoded body from tokens into {@code LinkedHashMap}s and {@code ArrayList}s the caller owns,
 * enforcing the rules both codecs share: the top level is an object, nesting stays within the limit
 * (the top-level object is depth 1), no object repeats a key, no string holds an unpaired surrogate
 * (an escape such as <code>&#92;ud800</code> alone), number literals are at most
 * {@value JsonNumbers#MAX_LITERAL_LENGTH} characters and are read by {@link JsonNumbers#parse}, and
 * nothing follows the top-level object. Iterative, so a deep body cannot exhaust the stack.
 */
final class JsonTreeBuilder {
    private final int maxDepth;
    private final boolean checkSurrogates;
    private final JsonPath path = new JsonPath();
    private final Deque<Container> open = new ArrayDeque<>();

    /**
     * @param maxDepth the deepest nesting accepted
     * @param checkSurrogates whether strings may hold unpaired surrogates ({@link JsonText#mayEscapeSurrogates})
     */
    JsonTreeBuilder(int maxDepth, boolean checkSurrogates) {
        this.maxDepth = maxDepth;
        this.checkSurrogates = checkSurrogates;
    }

    /**
     * @param tokens the body's tokens; this builder is used for one body only
     * @return the top-level object
     * @throws DecodeException naming what is wrong
     */
    Map<String, Object> readTopLevelObject(JsonTokenReader tokens) {
        JsonToken first = tokens.next();
        if (first != JsonToken.START_OBJECT) {
            throw DecodeFailures.notAnObject(first);
        }
        Map<String, Object> topLevel = new LinkedHashMap<>();
        enter(new Container(topLevel, null));
        while (!open.isEmpty()) {
            read(tokens.next(), tokens);
        }
        if (tokens.next() != JsonToken.END_OF_INPUT) {
            throw tokens.syntaxErrorHere("unexpected data after the top-level object");
        }
        return topLevel;
    }

    private void read(JsonToken token, JsonTokenReader tokens) {
        Container container = open.element();
        switch (token) {
            case NAME -> name(container, wellFormed(tokens));
            case END_OBJECT, END_ARRAY -> leave();
            case START_OBJECT -> nest(container, new Container(new LinkedHashMap<>(), null));
            case START_ARRAY -> nest(container, new Container(null, new ArrayList<>()));
            case STRING -> container.add(wellFormed(tokens));
            case NUMBER -> container.add(number(container, tokens.text()));
            case TRUE -> container.add(Boolean.TRUE);
            case FALSE -> container.add(Boolean.FALSE);
            case NULL -> container.add(null);
            case END_OF_INPUT -> throw tokens.syntaxErrorHere("unexpected end of input");
        }
    }

    /** Refuses what Gson's strict reader refuses and no encoder can write: an unpaired surrogate escape. */
    private String wellFormed(JsonTokenReader tokens) {
        String text = tokens.text();
        int index = checkSurrogates ? Utf16.firstUnpairedSurrogate(text) : -1;
        if (index >= 0) {
            throw tokens.syntaxErrorHere("unpaired surrogate " + Utf16.codeUnit(text.charAt(index)) + " in a string");
        }
        return text;
    }

    private void name(Container container, String key) {
        path.set(key);
        if (container.object.containsKey(key)) {
            throw DecodeFailures.duplicateKey(key, path);
        }
    }

    private void nest(Container parent, Container child) {
        parent.locate();
        if (open.size() >= maxDepth) {
            throw DecodeFailures.tooDeep(maxDepth);
        }
        parent.add(child.value());
        enter(child);
    }

    private Number number(Container container, String literal) {
        container.locate();
        if (literal.length() > JsonNumbers.MAX_LITERAL_LENGTH) {
            throw DecodeFailures.numberTooLong(literal.length(), path.toString());
        }
        try {
            return JsonNumbers.parse(literal);
        } catch (NumberFormatException e) {
            throw DecodeFailures.numberOutOfRange(literal, path, e);
        }
    }

    private void enter(Container container) {
        open.push(container);
        path.push();
    }

    private void leave() {
        open.pop();
        path.pop();
    }

    /** An open object or array; values go under the key {@link #path} holds, or at the end of the array. */
    private final class Container {
        final Map<String, Object> object;
        final List<Object> array;

        Container(Map<String, Object> object, List<Object> array) {
            this.object = object;
            this.array = array;
        }

        Object value() {
            return object != null ? object : array;
        }

        /** Points {@link #path} at the value about to be read, for error messages. */
        void locate() {
            if (array != null) {
                path.set(array.size());
            }
        }

        void add(Object value) {
            if (object != null) {
                object.put(path.key(), value);
            } else {
                array.add(value);
            }
        }
    }
}
