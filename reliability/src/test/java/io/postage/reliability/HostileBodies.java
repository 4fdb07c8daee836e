package io.postage.reliability;

import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.spi.DecodeLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;

/**
 * jqwik generators of message bodies that no Postage decoder may accept, each kind named: truncated JSON,
 * a wrong JSON type for every envelope key, nesting beyond the limit, bodies over the size limit, invalid
 * UTF-8, unknown categories, and bodies that are not an envelope at all. Used programmatically, outside a
 * property, from a seed, so a run can be repeated.
 */
final class HostileBodies {
    /** The envelope's keys that hold a string. */
    private static final List<String> STRING_KEYS = List.of("type", "name", "category", "version");
    /** The envelope's keys that hold an object. */
    private static final List<String> OBJECT_KEYS = List.of("fingerprint", "content", "_reserved");

    /**
     * A hostile body and the kind of hostility.
     *
     * @param kind what is wrong with it
     * @param body the bytes
     */
    record Hostile(String kind, byte[] body) {
    }

    private final MessageCodec codec;
    private final DecodeLimits limits;
    private final Fingerprint fingerprint = new Fingerprint("poison_sender", "application", "4242", "host", "eve", "/");

    /**
     * @param codec the codec of the good bodies the hostile ones are made from
     * @param limits the limits the receiving processor enforces
     */
    HostileBodies(MessageCodec codec, DecodeLimits limits) {
        this.codec = codec;
        this.limits = limits;
    }

    /** @return every kind of hostile body, about equally often */
    Arbitrary<Hostile> any() {
        return Arbitraries.oneOf(List.of(truncated(), wrongType(), tooDeep(), tooLarge(), invalidUtf8(),
                unknownCategory(), notAnEnvelope()));
    }

    /**
     * @param count how many
     * @param seed the seed of the generation
     * @return that many hostile bodies, the same for the same seed
     */
    List<Hostile> sample(int count, long seed) {
        // jqwik samples outside a property from its thread's source of randomness; seeding it makes a run repeatable
        SourceOfRandomness.create(Long.toString(seed));
        return any().sampleStream().limit(count).toList();
    }

    private Arbitrary<Map<String, Object>> wires() {
        return Combinators.combine(Arbitraries.strings().ofMaxLength(40), Arbitraries.integers())
                .as((text, number) -> new LinkedHashMap<>(Message.command("count", Map.of("text", text, "n", number))
                        .withFingerprint(fingerprint).toWire()));
    }

    private Arbitrary<Hostile> truncated() {
        return wires().map(codec::encodeBody).flatMap(body -> Arbitraries.integers().between(0, body.length - 1)
                .map(length -> new Hostile("truncated JSON", Arrays.copyOf(body, length))));
    }

    private Arbitrary<Hostile> wrongType() {
        Arbitrary<Object> notAString = Arbitraries.<Object>of(42, 1.5, true, false, List.of("a"), Map.of("k", "v"))
                .injectNull(0.15);
        Arbitrary<Object> notAnObject = Arbitraries.<Object>of(42, 1.5, true, "text", "", List.of(), List.of(Map.of()))
                .injectNull(0.15);
        Arbitrary<Object> notAFingerprintValue = Arbitraries.<Object>of(1.5, true, List.of("4242"), Map.of()).injectNull(0.2);
        Arbitrary<Hostile> stringKey = Combinators.combine(wires(), Arbitraries.of(STRING_KEYS), notAString)
                .as((wire, key, value) -> replaced(wire, key, value));
        Arbitrary<Hostile> objectKey = Combinators.combine(wires(), Arbitraries.of(OBJECT_KEYS), notAnObject)
                .as((wire, key, value) -> replaced(wire, key, value));
        Arbitrary<Hostile> fingerprintKey = Combinators.combine(wires(), Arbitraries.of(Fingerprint.KEYS),
                notAFingerprintValue).as((wire, key, value) -> {
                    Map<String, Object> wrong = new LinkedHashMap<>(fingerprint.asMap());
                    wrong.put(key, value);
                    return replaced(wire, "fingerprint", wrong);
                });
        Arbitrary<Hostile> missingKey = Combinators.combine(wires(), Arbitraries.integers().between(0, STRING_KEYS.size() + OBJECT_KEYS.size() - 1))
                .as((wire, index) -> {
                    String key = index < STRING_KEYS.size() ? STRING_KEYS.get(index)
                            : OBJECT_KEYS.get(index - STRING_KEYS.size());
                    wire.remove(key);
                    return new Hostile("missing key", codec.encodeBody(wire));
                });
        return Arbitraries.oneOf(List.of(stringKey, objectKey, fingerprintKey, missingKey));
    }

    private Hostile replaced(Map<String, Object> wire, String key, Object value) {
        Map<String, Object> wrong = new LinkedHashMap<>(wire);
        wrong.put(key, value);
        return new Hostile("wrong type", codec.encodeBody(wrong));
    }

    private Arbitrary<Hostile> tooDeep() {
        return Combinators.combine(Arbitraries.integers().between(limits.maxDepth(), limits.maxDepth() * 40),
                Arbitraries.of("[", "{\"k\":")).as((depth, open) -> {
                    String close = open.equals("[") ? "]" : "}";
                    String deep = open.repeat(depth) + "0" + close.repeat(depth);
                    return new Hostile("nesting beyond the limit", ("{\"type\":\"command\",\"name\":\"count\","
                            + "\"category\":\"message\",\"version\":\"2\",\"fingerprint\":{},\"content\":"
                            + "{\"parameters\":" + deep + "},\"_reserved\":{}}").getBytes(StandardCharsets.UTF_8));
                });
    }

    private Arbitrary<Hostile> tooLarge() {
        return Combinators.combine(Arbitraries.integers().between(limits.maxBodyBytes() + 1, limits.maxBodyBytes() * 2),
                Arbitraries.chars().alpha()).as((size, letter) -> new Hostile("huge string", codec.encodeBody(
                        Message.command("count", Map.of("text", String.valueOf(letter).repeat(size))).toWire())));
    }

    private Arbitrary<Hostile> invalidUtf8() {
        Arbitrary<byte[]> sequences = Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xC3, (byte) 0x28});
        return Combinators.combine(wires(), sequences).as((wire, sequence) -> {
            byte[] body = codec.encodeBody(wire);
            int at = new String(body, StandardCharsets.ISO_8859_1).indexOf("\"count\"") + 1;
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + sequence.length);
            out.write(body, 0, at);
            out.writeBytes(sequence);
            out.write(body, at, body.length - at);
            return new Hostile("invalid UTF-8", out.toByteArray());
        });
    }

    private Arbitrary<Hostile> unknownCategory() {
        return Combinators.combine(wires(), Arbitraries.strings().ofMaxLength(20)
                .filter(category -> !category.equals("message") && !category.equals("rpc")))
                .as((wire, category) -> {
                    wire.put("category", category);
                    return new Hostile("unknown category", codec.encodeBody(wire));
                });
    }

    private Arbitrary<Hostile> notAnEnvelope() {
        return Arbitraries.of("", " ", "null", "[]", "42", "\"command\"", "{\"type\":NaN}",
                "{\"type\":\"command\",\"type\":\"command\"}", "{} trailing", "{\"a\":1}{\"b\":2}",
                "\uFEFF{}", "{\"n\":" + "9".repeat(1001) + "}")
                .map(text -> new Hostile("not an envelope", text.getBytes(StandardCharsets.UTF_8)));
    }
}
