package io.postage.codec.json.internal;

import java.io.IOException;

/**
 * Pushes tokens into a generator. Implementations only translate; {@link JsonTreeWriter} decides what
 * is written. Strings are escaped by the generator, which must escape exactly like the other backends.
 */
interface JsonTokenWriter {

    /** Writes <code>{</code>. */
    void beginObject() throws IOException;

    /** @param name the next key, escaped by the generator */
    void name(String name) throws IOException;

    /** Writes <code>}</code>. */
    void endObject() throws IOException;

    /** Writes {@code [}. */
    void beginArray() throws IOException;

    /** Writes {@code ]}. */
    void endArray() throws IOException;

    /** @param value a string, escaped by the generator */
    void string(String value) throws IOException;

    /** @param literal a valid JSON number literal, written as is */
    void number(String literal) throws IOException;

    /** @param value {@code true} or {@code false} */
    void bool(boolean value) throws IOException;

    /** Writes {@code null}. */
    void nullValue() throws IOException;

    /** Writes out everything buffered; the document is complete. */
    void finish() throws IOException;
}
