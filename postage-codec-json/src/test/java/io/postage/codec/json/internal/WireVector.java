package io.postage.codec.json.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.postage.DecodeException;
import io.postage.spi.DecodeLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One test vector from {@code src/test/resources/vectors} (format in the README there), read with
 * Gson's tree API so that the vectors do not depend on the code under test.
 *
 * @param name the file name without {@code .json}
 * @param description what the vector shows, with the Python that wrote its input where Python did
 * @param kind what to check
 * @param input the body
 * @param limits the decode limits to use
 * @param expected roundtrip and decode: the exact body that must be written
 * @param javaTypes decode: top-level key to the simple name of the Java class of its decoded value
 * @param reason malformed: the expected reason
 * @param messageContains malformed: substrings of the expected message
 */
record WireVector(String name, String description, Kind kind, byte[] input, DecodeLimits limits, String expected,
        Map<String, String> javaTypes, DecodeException.Reason reason, List<String> messageContains) {

    /** What a vector checks. */
    enum Kind {
        /** Decode, read as a message, encode: the expected canonical bytes. */
        ROUNDTRIP,
        /** Decode to a map and encode it again: the expected bytes and Java types. */
        DECODE,
        /** Decode as a message: the expected error. */
        MALFORMED
    }

    static List<WireVector> all() {
        URL directory = WireVector.class.getResource("/vectors");
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .map(WireVector::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireVector read(Path file) {
        String fileName = file.getFileName().toString();
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            return new WireVector(fileName.substring(0, fileName.length() - ".json".length()),
                    json.get("description").getAsString(),
                    Kind.valueOf(json.get("kind").getAsString().toUpperCase(Locale.ROOT)),
                    json.has("inputBase64") ? Base64.getDecoder().decode(json.get("inputBase64").getAsString())
                            : json.get("input").getAsString().getBytes(StandardCharsets.UTF_8),
                    json.has("limits") ? limits(json.getAsJsonObject("limits")) : DecodeLimits.DEFAULT,
                    json.has("expected") ? json.get("expected").getAsString() : null,
                    json.has("javaTypes") ? strings(json.getAsJsonObject("javaTypes")) : Map.of(),
                    json.has("reason") ? DecodeException.Reason.valueOf(json.get("reason").getAsString()) : null,
                    json.has("messageContains") ? strings(json.getAsJsonArray("messageContains").asList()) : List.of());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the vector " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static DecodeLimits limits(JsonObject limits) {
        return new DecodeLimits(limits.get("maxBodyBytes").getAsInt(), limits.get("maxDepth").getAsInt());
    }

    private static Map<String, String> strings(JsonObject object) {
        Map<String, String> strings = new LinkedHashMap<>();
        object.entrySet().forEach(entry -> strings.put(entry.getKey(), entry.getValue().getAsString()));
        return strings;
    }

    private static List<String> strings(List<JsonElement> array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.getAsString()));
        return strings;
    }

    /** @return the expected body as UTF-8 bytes */
    byte[] expectedBytes() {
        return expected.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name;
    }
}
