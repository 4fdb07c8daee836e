package io.postage.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.DecodeException;
import io.postage.MessageCodec;
import io.postage.reliability.HostileBodies.Hostile;
import io.postage.spi.DecodeLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The poison test's generator: repeatable from its seed, every kind made, and no body a codec accepts. */
class HostileBodiesTest {
    private static final DecodeLimits LIMITS = new DecodeLimits(4 * 1024, 16);
    private static final List<MessageCodec> CODECS =
            List.of(MessageCodec.of("jackson", LIMITS), MessageCodec.of("gson", LIMITS));
    private static final HostileBodies BODIES = new HostileBodies(MessageCodec.of("jackson"), LIMITS);

    @Test
    void theSameSeedGivesTheSameBodiesAndEveryKindAppears() {
        List<Hostile> first = BODIES.sample(300, 42);
        List<Hostile> again = BODIES.sample(300, 42);

        assertThat(again).usingElementComparator((a, b) -> a.kind().equals(b.kind())
                && Arrays.equals(a.body(), b.body()) ? 0 : 1).containsExactlyElementsOf(first);
        assertThat(first).extracting(Hostile::kind).contains("truncated JSON", "wrong type", "missing key",
                "nesting beyond the limit", "huge string", "invalid UTF-8", "unknown category", "not an envelope");
        List<Hostile> other = BODIES.sample(300, 43);
        assertThat(IntStream.range(0, first.size()).filter(i -> !Arrays.equals(other.get(i).body(), first.get(i).body())))
                .as("another seed gives other bodies").isNotEmpty();
    }

    @Test
    void bothCodecsRefuseEveryHostileBodyWithADecodeException() {
        long seed = new Random().nextLong();
        for (Hostile bad : BODIES.sample(2000, seed)) {
            for (MessageCodec codec : CODECS) {
                assertThatThrownBy(() -> codec.decode(bad.body())).as("%s: %s (seed %d)", codec, bad.kind(), seed)
                        .isInstanceOf(DecodeException.class);
            }
        }
    }
}
