package io.postage.codec.json.internal;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/** Writes tokens with a Gson {@link JsonWriter} configured by {@link GsonBackend}. */
final class GsonTokenWriter implements JsonTokenWriter {
    private final JsonWriter writer;

    GsonTokenWriter(JsonWriter writer) {
        this.writer = writer;
    }

    @Override
    public void beginObject() throws IOException {
        writer.beginObject();
    }

    @Override
    public void name(String name) throws IOException {
        writer.name(name);
    }

    @Override
    public void endObject() throws IOException {
        writer.endObject();
    }

    @Override
    public void beginArray() throws IOException {
        writer.beginArray();
    }

    @Override
    public void endArray() throws IOException {
        writer.endArray();
    }

    @Override
    public void string(String value) throws IOException {
        writer.value(value);
    }

    @Override
    public void number(String literal) throws IOException {
        writer.jsonValue(literal);
    }

    @Override
    public void bool(boolean value) throws IOException {
        writer.value(value);
    }

    @Override
    public void nullValue() throws IOException {
        writer.nullValue();
    }

    @Override
    public void finish() throws IOException {
        writer.close();
    }
}
