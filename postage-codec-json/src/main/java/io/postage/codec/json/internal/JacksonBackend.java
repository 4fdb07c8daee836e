package io.postage.codec.json.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.postage.spi.DecodeLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * jackson-core's streaming parser and generator (no databind, so no polymorphic typing). Jackson's own
 * read limits are set past ours, so that {@link JsonTreeBuilder} and the body size limit decide; field
 * names are not canonicalized, so hostile keys cannot trip Jackson's symbol table.
 */
final class JacksonBackend implements JsonBackend {
    private final JsonFactory factory;

    /** @param limits the decode limits the factory's constraints must not undercut */
    JacksonBackend(DecodeLimits limits) {
        this.factory = new JsonFactoryBuilder()
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Integer.MAX_VALUE)
                        .maxNumberLength(limits.maxBodyBytes())
                        .maxStringLength(limits.maxBodyBytes())
                        .maxNameLength(limits.maxBodyBytes())
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(Integer.MAX_VALUE)
                        .build())
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .characterEscapes(new WireCharacterEscapes())
                .build();
    }

    /**
     * An ASCII body goes to Jackson as bytes: with field names not canonicalized Jackson reads them through
     * its own pooled UTF-8 reader, which spares the body-sized {@code char[]} that {@link JsonText} would
     * otherwise decode.
     */
    @Override
    public JsonTokenReader openReader(JsonText text) {
        try {
            Optional<byte[]> ascii = text.asciiBytes();
            JsonParser parser = ascii.isPresent() ? factory.createParser(ascii.get(), 0, text.length())
                    : factory.createParser(text.chars(), 0, text.length());
            return new JacksonTokenReader(parser, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Jackson cannot read from memory", e);
        }
    }

    @Override
    public JsonTokenWriter openWriter(OutputStream out) throws IOException {
        return new JacksonTokenWriter(factory.createGenerator(out, JsonEncoding.UTF8));
    }
}
