package io.postage.benchmarks.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.benchmarks.Payload;
import java.io.IOException;
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
 * Bytes to {@code Message} with each Postage codec (strict decoding, then the envelope checks), against
 * the baseline {@code rawJackson}: jackson-databind's {@code readValue(bytes, Map.class)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {
    @Param({"TINY", "NESTED", "LARGE"})
    Payload payload;

    private final MessageCodec jackson = MessageCodec.of("jackson");
    private final MessageCodec gson = MessageCodec.of("gson");
    private final ObjectMapper mapper = new ObjectMapper();
    private byte[] body;

    /** Encodes the body once. */
    @Setup
    public void setUp() {
        body = jackson.encode(payload.message());
    }

    /** @return the message read by the Jackson codec */
    @Benchmark
    public Message jackson() {
        return jackson.decode(body);
    }

    /** @return the message read by the Gson codec */
    @Benchmark
    public Message gson() {
        return gson.decode(body);
    }

    /**
     * @return the body read by jackson-databind as a map (baseline)
     * @throws IOException never: the body is valid JSON
     */
    @Benchmark
    public Map<?, ?> rawJackson() throws IOException {
        return mapper.readValue(body, Map.class);
    }
}
