package io.postage.codec.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.DecodeException;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.codec.json.internal.WireVector.Kind;
import io.postage.spi.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every vector in {@code src/test/resources/vectors} against both codecs. */
class WireVectorTest {

    static Stream<Arguments> roundtripVectors() {
        return everyCodecWith(Kind.ROUNDTRIP);
    }

    static Stream<Arguments> decodeVectors() {
        return everyCodecWith(Kind.DECODE);
    }

    static Stream<Arguments> malformedVectors() {
        return everyCodecWith(Kind.MALFORMED);
    }

    private static Stream<Arguments> everyCodecWith(Kind kind) {
        List<WireVector> vectors = WireVector.all().stream().filter(vector -> vector.kind() == kind).toList();
        return Stream.of(Codec.values())
                .flatMap(codec -> vectors.stream().map(vector -> Arguments.of(codec, vector)));
    }

    @Test
    void thereAreVectorsOfEveryKind() {
        List<WireVector> vectors = WireVector.all();

        assertThat(vectors).hasSizeGreaterThanOrEqualTo(25);
        assertThat(vectors).extracting(WireVector::kind).contains(Kind.values());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roundtripVectors")
    void roundtripVectorsAreWrittenBackAsTheExpectedCanonicalBytesByBothCodecs(Codec codec, WireVector vector) {

        Message message = Message.fromWire(codec.create(vector.limits()).decode(vector.input()));

        assertThat(asText(codec.create().encode(message.toWire()))).isEqualTo(vector.expected());
        assertThat(codec.create().encode(message.toWire()))
                .isEqualTo(codec.other().create().encode(message.toWire()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roundtripVectors")
    void canonicalBodiesOfRoundtripVectorsAreFixedPoints(Codec codec, WireVector vector) {
        MessageCodec messages = MessageCodec.of(codec.create(vector.limits()));

        assertThat(asText(messages.encode(messages.decode(vector.expectedBytes())))).isEqualTo(vector.expected());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("decodeVectors")
    void decodeVectorsGiveTheExpectedJavaTypesAndBytes(Codec codec, WireVector vector) {
        Encoder encoder = codec.create(vector.limits());

        Map<String, Object> decoded = encoder.decode(vector.input());

        vector.javaTypes().forEach((key, type) ->
                assertThat(decoded.get(key)).as(key).isNotNull().extracting(value -> value.getClass().getSimpleName())
                        .isEqualTo(type));
        assertThat(asText(encoder.encode(decoded))).isEqualTo(vector.expected());
        assertThat(encoder.encode(decoded)).isEqualTo(codec.other().create().encode(decoded));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedVectors")
    void malformedVectorsFailWithTheExpectedReasonAndMessage(Codec codec, WireVector vector) {
        MessageCodec messages = MessageCodec.of(codec.create(vector.limits()));

        assertThatThrownBy(() -> messages.decode(vector.input()))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(vector.reason());
                    assertThat(e.getMessage()).contains(vector.messageContains());
                });
    }

    private static String asText(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
