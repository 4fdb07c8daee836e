package io.postage.codec.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.DecodeException;
import io.postage.DecodeException.Reason;
import io.postage.spi.DecodeLimits;
import io.postage.spi.Encoder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every JSON encoder does, beyond the vectors: encoding errors, limits, ownership, threads. */
class EncoderContractTest {

    @ParameterizedTest
    @EnumSource(Codec.class)
    void contentTypeIsApplicationJson(Codec codec) {
        assertThat(codec.create().contentType()).isEqualTo("application/json");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void encodingWritesKeysInMapOrderWithoutWhitespace(Codec codec) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("z", List.of(1, "two", true));
        wire.put("a", null);
        wire.put("m", Map.of());

        assertThat(encodeAsText(codec, wire)).isEqualTo("{\"z\":[1,\"two\",true],\"a\":null,\"m\":{}}");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void encodingWritesEveryJavaNumberTypeAsTheApiNormalisesIt(Codec codec) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("short", (short) 7);
        wire.put("byte", (byte) -3);
        wire.put("int", 1);
        wire.put("long", 1L);
        wire.put("bigInteger", BigInteger.TWO.pow(70));
        wire.put("double", 1.0);
        wire.put("float", 0.1f);
        wire.put("largeFloat", 3.0e10f);
        wire.put("bigDecimal", new BigDecimal("1.50"));
        wire.put("scaledBigDecimal", new BigDecimal("1E+3"));

        assertThat(encodeAsText(codec, wire)).isEqualTo("{\"short\":7,\"byte\":-3,\"int\":1,\"long\":1,"
                + "\"bigInteger\":1180591620717411303424,\"double\":1.0,\"float\":0.1,\"largeFloat\":3.0E10,"
                + "\"bigDecimal\":1.50,\"scaledBigDecimal\":1E+3}");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void encodingRefusesNaNNamingThePath(Codec codec) {
        Map<String, Object> wire = Map.of("content", Map.of("values", List.of(1.0, Double.NaN)));

        assertThatThrownBy(() -> codec.create().encode(wire))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("content.values[1]: NaN");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void encodingRefusesInfinitiesOfDoublesAndFloats(Codec codec) {
        assertThatThrownBy(() -> codec.create().encode(Map.of("d", Double.NEGATIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("d: -Infinity cannot be written as JSON");
        assertThatThrownBy(() -> codec.create().encode(Map.of("f", Float.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("f: Infinity cannot be written as JSON");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void encodingRefusesAValueThatIsNotJsonNamingThePath(Codec codec) {
        Map<String, Object> wire = Map.of("content", Map.of("parameters", List.of(new Object())));

        assertThatThrownBy(() -> codec.create().encode(wire))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("content.parameters[0]: java.lang.Object is not a JSON value");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void encodingRefusesNumberTypesWithoutAJsonForm(Codec codec) {
        assertThatThrownBy(() -> codec.create().encode(Map.of("count", new AtomicInteger(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("count: java.util.concurrent.atomic.AtomicInteger is not a supported JSON");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void encodingRefusesKeysThatAreNotStrings(Codec codec) {
        Map<Object, Object> content = new HashMap<>();
        content.put(1, "one");

        assertThatThrownBy(() -> codec.create().encode(Map.of("content", content)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("content: JSON object keys must be strings, found java.lang.Integer");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void encodingRefusesUnpairedSurrogatesThatUtf8CannotCarry(Codec codec) {
        assertThatThrownBy(() -> codec.create().encode(Map.of("text", "ok \uD800")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text: the string has an unpaired surrogate U+D800 at index 3, which UTF-8 cannot carry");
        assertThatThrownBy(() -> codec.create().encode(Map.of("\uDC00", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the key has an unpaired surrogate U+DC00");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void encodingRefusesAMapThatContainsItself(Codec codec) {
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);

        assertThatThrownBy(() -> codec.create().encode(loop))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contain itself");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void decodingRejectsNaNWithANotJsonError(Codec codec) {
        assertThatThrownBy(() -> codec.create().decode(utf8("{\"a\":NaN}")))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_JSON);
                    assertThat(e.getMessage()).startsWith("Body is not valid JSON at line 1, column ")
                            .contains("near '{\"a\":NaN}'")
                            .doesNotContain("JsonReadFeature", "setStrictness");
                });
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void decodingChecksTheSizeBeforeParsing(Codec codec) {
        Encoder encoder = codec.create(new DecodeLimits(8, 8));

        assertThat(encoder.decode(utf8("{\"a\":12}"))).containsEntry("a", 12);
        assertThatThrownBy(() -> encoder.decode(utf8("not json!")))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void decodingAcceptsTheDefaultDepthOf128AndRefusesOneMore(Codec codec) {
        Encoder encoder = codec.create();

        assertThat(encoder.decode(nestedObjects(128))).containsKey("a");
        assertThatThrownBy(() -> encoder.decode(nestedObjects(129)))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP);
                    assertThat(e.getMessage()).contains("limit of 128 levels");
                });
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void decodingReadsNestingFarDeeperThanTheStackAllowsWhenTheLimitPermitsIt(Codec codec) {
        int depth = 100_000;
        byte[] body = utf8("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}");

        Map<String, Object> decoded = codec.create(new DecodeLimits(1 << 20, depth + 1)).decode(body);

        assertThat(decoded.get("a")).isInstanceOf(List.class);
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void decodingRejectsKeysThatRepeatOnlyAfterUnescaping(Codec codec) {
        assertThatThrownBy(() -> codec.create().decode(utf8("{\"a\":1,\"\\u0061\":2}")))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_KEY));
        assertThat(codec.create().decode(utf8("{\"a\":1,\"A\":2}"))).containsOnlyKeys("a", "A");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void decodingReturnsMutableInsertionOrderedCollectionsTheCallerOwns(Codec codec) {
        Map<String, Object> decoded = codec.create().decode(utf8("{\"z\":{\"y\":1},\"a\":[1,2]}"));

        assertThat(decoded).isInstanceOf(LinkedHashMap.class).containsOnlyKeys("z", "a");
        assertThat(List.copyOf(decoded.keySet())).containsExactly("z", "a");
        assertThat(decoded.get("z")).isInstanceOf(LinkedHashMap.class);
        assertThat(decoded.get("a")).isInstanceOf(ArrayList.class);
        decoded.put("added", true);
        assertThat(decoded).containsKey("added");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void decodingRejectsALoneSurrogateEscapeThatNoEncoderCouldWriteBack(Codec codec) {
        assertThatThrownBy(() -> codec.create().decode(utf8("{\"s\":\"\\ud800x\"}")))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_JSON);
                    assertThat(e.getMessage()).containsIgnoringCase("unpaired surrogate");
                });
        assertThat(codec.create().decode(utf8("{\"s\":\"\\ud83d\\ude00\"}"))).containsEntry("s", "\uD83D\uDE00");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void decodingReadsAsciiBodiesFromTheirBytesAsOtherBodiesFromTheirCharacters(Codec codec) {
        String template = "{\"name\":\"%s\",\"n\":[1,-2.5e3,12345678901234567890],\"t\":true,\"z\":null}";

        Map<String, Object> ascii = codec.create().decode(utf8(template.formatted("cafe")));
        Map<String, Object> unicode = codec.create().decode(utf8(template.formatted("caf\u00e9")));

        assertThat(ascii).containsEntry("name", "cafe");
        assertThat(unicode).containsEntry("name", "caf\u00e9");
        ascii.remove("name");
        unicode.remove("name");
        assertThat(ascii).isEqualTo(unicode);
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void decodingLocatesASyntaxErrorAlikeInAsciiAndNonAsciiBodies(Codec codec) {
        for (String name : List.of("ab", "\u00e9\u00e9")) {
            assertThatThrownBy(() -> codec.create().decode(utf8("{\n\"" + name + "\": nope}")))
                    .isInstanceOfSatisfying(DecodeException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NOT_JSON);
                        assertThat(e.getMessage()).as(name).contains("at line 2, column 7");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void decodingRefusesANulByteAsJsonNotAsAnotherEncoding(Codec codec) {
        for (String body : List.of("\u0000{\"a\":1}", "{\"a\":1}\u0000", "{\"a\":\"\u0000\"}")) {
            assertThatThrownBy(() -> codec.create().decode(utf8(body)))
                    .isInstanceOfSatisfying(DecodeException.class,
                            e -> assertThat(e.reason()).as(body).isEqualTo(Reason.NOT_JSON));
        }
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void oneEncoderServesManyThreadsAtOnce(Codec codec) throws Exception {
        Encoder encoder = codec.create();
        Map<String, Object> wire = Map.of("content", Map.of("text", "caf\u00e9 \uD83D\uDE00", "n", List.of(1, 2.5)));
        byte[] expected = encoder.encode(wire);
        Callable<Boolean> roundTrips = () -> {
            for (int i = 0; i < 500; i++) {
                byte[] body = encoder.encode(wire);
                if (!Arrays.equals(body, expected) || !encoder.decode(body).equals(wire)) {
                    return false;
                }
            }
            return true;
        };

        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> results = threads.invokeAll(Collections.nCopies(8, roundTrips));
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    private static byte[] nestedObjects(int depth) {
        return utf8("{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1));
    }

    private static String encodeAsText(Codec codec, Map<String, ?> wire) {
        return new String(codec.create().encode(wire), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
