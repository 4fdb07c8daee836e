package io.postage.codec.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes tokens with a Jackson {@link JsonGenerator} configured by {@link JacksonBackend}. */
final class JacksonTokenWriter implements JsonTokenWriter {
    private final JsonGenerator generator;

    JacksonTokenWriter(JsonGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void beginObject() throws IOException {
        generator.writeStartObject();
    }

    @Override
    public void name(String name) throws IOException {
        generator.writeFieldName(name);
    }

    @Override
    public void endObject() throws IOException {
        generator.writeEndObject();
    }

    @Override
    public void beginArray() throws IOException {
        generator.writeStartArray();
    }

    @Override
    public void endArray() throws IOException {
        generator.writeEndArray();
    }

    @Override
    public void string(String value) throws IOException {
        generator.writeString(value);
    }

    @Override
    public void number(String literal) throws IOException {
        generator.writeNumber(literal);
    }

    @Override
    public void bool(boolean value) throws IOException {
        generator.writeBoolean(value);
    }

    @Override
    public void nullValue() throws IOException {
        generator.writeNull();
    }

    @Override
    public void finish() throws IOException {
        generator.close();
    }
}
