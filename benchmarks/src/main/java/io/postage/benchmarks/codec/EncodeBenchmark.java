package io.postage.benchmarks.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.benchmarks.Payload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Message} to bytes with each Postage codec, against the baseline {@code rawJackson}: jackson-databind
 * writing the message's wire map, built beforehand.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncodeBenchmark {
    @Param({"TINY", "NESTED", "LARGE"})
    Payload payload;

    private final MessageCodec jackson = MessageCodec.of("jackson");
    private final MessageCodec gson = MessageCodec.of("gson");
    private final ObjectMapper mapper = new ObjectMapper();
    private Message message;
    private Map<String, Object> wire;

    /** Builds the message and its wire map. */
    @Setup
    public void setUp() {
        message = payload.message();
        wire = plain(message.toWire());
    }

    /** @return a deep copy in the {@code LinkedHashMap}s and {@code ArrayList}s a user of bare Jackson builds */
    @SuppressWarnings("unchecked")
    private static <T> T plain(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(key, plain(element)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            return (T) new ArrayList<>(list.stream().map(EncodeBenchmark::plain).toList());
        }
        return value;
    }

    /** @return the body written by the Jackson codec */
    @Benchmark
    public byte[] jackson() {
        return jackson.encode(message);
    }

    /** @return the body written by the Gson codec */
    @Benchmark
    public byte[] gson() {
        return gson.encode(message);
    }

    /**
     * @return the body written by jackson-databind from the wire map (baseline)
     * @throws JsonProcessingException never: the map holds JSON values only
     */
    @Benchmark
    public byte[] rawJackson() throws JsonProcessingException {
        return mapper.writeValueAsBytes(wire);
    }
}
