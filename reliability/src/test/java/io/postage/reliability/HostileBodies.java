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
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A property-based generator of message bodies that no Postage decoder may accept, each kind named:
 * truncated JSON, a wrong JSON type for every envelope key, missing keys, nesting beyond the limit, bodies
 * over the size limit, invalid UTF-8, unknown categories, and bodies that are not an envelope at all. Every
 * body comes from a seed, so a failing run can be repeated exactly.
 *
 * <p>Our own small generator rather than jqwik: jqwik 1.10 prints, at every run, that AI agents must not
 * use it, and this code is written with one (see docs/adr/0002-dependencies.md).
 */
final class HostileBodies {
    /** The envelope's keys that hold a string. */
    private static final List<String> STRING_KEYS = List.of("type", "name", "category", "version");
    /** The envelope's keys that hold an object. */
    private static final List<String> OBJECT_KEYS = List.of("fingerprint", "content", "_reserved");
    private static final List<Object> NOT_A_STRING = Arrays.asList(42, 1.5, true, false, List.of("a"), Map.of("k", "v"), null);
    private static final List<Object> NOT_AN_OBJECT = Arrays.asList(42, 1.5, true, "text", "", List.of(), List.of(Map.of()), null);
    private static final List<Object> NOT_A_FINGERPRINT_VALUE = Arrays.asList(1.5, true, List.of("4242"), Map.of(), null);
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xC3, (byte) 0x28});
    private static final List<String> NOT_ENVELOPES = List.of("", " ", "null", "[]", "42", "\"command\"",
            "{\"type\":NaN}", "{\"type\":\"command\",\"type\":\"command\"}", "{} trailing", "{\"a\":1}{\"b\":2}",
            "\uFEFF{}", "{\"n\":" + "9".repeat(1001) + "}");

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
    private final List<Function<SplittableRandom, Hostile>> kinds = List.of(this::truncated, this::wrongType,
            this::missingKey, this::tooDeep, this::tooLarge, this::invalidUtf8, this::unknownCategory, this::notAnEnvelope);

    /**
     * @param codec the codec of the good bodies the hostile ones are made from
     * @param limits the limits the receiving processor enforces
     */
    HostileBodies(MessageCodec codec, DecodeLimits limits) {
        this.codec = codec;
        this.limits = limits;
    }

    /**
     * @param count how many
     * @param seed the seed of the generation
     * @return that many hostile bodies of every kind, about equally often; the same for the same seed
     */
    List<Hostile> sample(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return Stream.generate(() -> pick(random, kinds).apply(random)).limit(count).toList();
    }

    private static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String text(SplittableRandom random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int length = random.nextInt(maxLength + 1); text.length() < length; ) {
            // Mostly printable ASCII, sometimes any code point of the Basic Multilingual Plane but the surrogates
            int c = random.nextInt(4) > 0 ? random.nextInt(0x20, 0x7F) : random.nextInt(0xA0, 0xD800);
            text.append((char) c);
        }
        return text.toString();
    }

    private Map<String, Object> wire(SplittableRandom random) {
        return new LinkedHashMap<>(Message.command("count", Map.of("text", text(random, 40), "n", random.nextInt()))
                .withFingerprint(fingerprint).toWire());
    }

    private Hostile truncated(SplittableRandom random) {
        byte[] body = codec.encodeBody(wire(random));
        return new Hostile("truncated JSON", Arrays.copyOf(body, random.nextInt(body.length)));
    }

    private Hostile wrongType(SplittableRandom random) {
        Map<String, Object> wire = wire(random);
        switch (random.nextInt(3)) {
            case 0 -> wire.put(pick(random, STRING_KEYS), pick(random, NOT_A_STRING));
            case 1 -> wire.put(pick(random, OBJECT_KEYS), pick(random, NOT_AN_OBJECT));
            default -> {
                Map<String, Object> wrong = new LinkedHashMap<>(fingerprint.asMap());
                wrong.put(pick(random, Fingerprint.KEYS), pick(random, NOT_A_FINGERPRINT_VALUE));
                wire.put("fingerprint", wrong);
            }
        }
        return new Hostile("wrong type", codec.encodeBody(wire));
    }

    private Hostile missingKey(SplittableRandom random) {
        Map<String, Object> wire = wire(random);
        wire.remove(random.nextBoolean() ? pick(random, STRING_KEYS) : pick(random, OBJECT_KEYS));
        return new Hostile("missing key", codec.encodeBody(wire));
    }

    private Hostile tooDeep(SplittableRandom random) {
        int depth = random.nextInt(limits.maxDepth(), limits.maxDepth() * 40 + 1);
        boolean arrays = random.nextBoolean();
        String deep = (arrays ? "[" : "{\"k\":").repeat(depth) + "0" + (arrays ? "]" : "}").repeat(depth);
        return new Hostile("nesting beyond the limit", ("{\"type\":\"command\",\"name\":\"count\","
                + "\"category\":\"message\",\"version\":\"2\",\"fingerprint\":{},\"content\":"
                + "{\"parameters\":" + deep + "},\"_reserved\":{}}").getBytes(StandardCharsets.UTF_8));
    }

    private Hostile tooLarge(SplittableRandom random) {
        int size = random.nextInt(limits.maxBodyBytes() + 1, limits.maxBodyBytes() * 2 + 1);
        String letter = String.valueOf((char) random.nextInt('a', 'z' + 1));
        return new Hostile("huge string", codec.encodeBody(Message.command("count", Map.of("text", letter.repeat(size)))
                .toWire()));
    }

    private Hostile invalidUtf8(SplittableRandom random) {
        byte[] body = codec.encodeBody(wire(random));
        byte[] sequence = pick(random, INVALID_UTF8);
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf("\"count\"") + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + sequence.length);
        out.write(body, 0, at);
        out.writeBytes(sequence);
        out.write(body, at, body.length - at);
        return new Hostile("invalid UTF-8", out.toByteArray());
    }

    private Hostile unknownCategory(SplittableRandom random) {
        Map<String, Object> wire = wire(random);
        String category;
        do {
            category = text(random, 20);
        } while (category.equals("message") || category.equals("rpc"));
        wire.put("category", category);
        return new Hostile("unknown category", codec.encodeBody(wire));
    }

    private Hostile notAnEnvelope(SplittableRandom random) {
        return new Hostile("not an envelope", pick(random, NOT_ENVELOPES).getBytes(StandardCharsets.UTF_8));
    }
}
