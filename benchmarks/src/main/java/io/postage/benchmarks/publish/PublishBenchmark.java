package io.postage.benchmarks.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import io.postage.Exchange;
import io.postage.Message;
import io.postage.PostageConfig;
import io.postage.Producer;
import io.postage.benchmarks.Payload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The publish path without a network: {@code producer.message("echo", parameters)} through a real
 * {@link Producer} (build the command, stamp the fingerprint, encode with Jackson, pick the route, map
 * the properties) on a {@link DiscardingTransport}, against the baseline {@code raw}: the same envelope
 * built as a map, written by jackson-databind, and amqp-client's {@code BasicProperties} built.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PublishBenchmark {
    private static final Map<String, Object> PARAMETERS = Payload.TINY.parameters();
    private static final Map<String, String> FINGERPRINT = new LinkedHashMap<>(Payload.FINGERPRINT.asMap());

    private final ObjectMapper mapper = new ObjectMapper();
    private Producer producer;

    /** Builds a producer on the discarding transport. */
    @Setup
    public void setUp() {
        producer = Producer.builder(Payload.FINGERPRINT)
                .config(PostageConfig.builder().transport(DiscardingTransportProvider.ID).codec("jackson").build())
                .eks(Exchange.direct("echo-exchange"), "echo")
                .build();
    }

    /** Closes the producer. */
    @TearDown
    public void tearDown() {
        producer.close();
    }

    /** @return the body the producer handed to the transport */
    @Benchmark
    public byte[] postage() {
        producer.message("echo", PARAMETERS);
        return DiscardingTransport.lastBody;
    }

    /**
     * Builds the envelope and the properties by hand (baseline).
     *
     * @param blackhole takes the body and the properties
     * @throws JsonProcessingException never: the map holds JSON values only
     */
    @Benchmark
    public void raw(Blackhole blackhole) throws JsonProcessingException {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", Message.COMMAND);
        wire.put("name", "echo");
        wire.put("category", "message");
        wire.put("version", Message.VERSION);
        wire.put("fingerprint", FINGERPRINT);
        wire.put("content", Map.of("parameters", PARAMETERS));
        wire.put("_reserved", Map.of());
        blackhole.consume(mapper.writeValueAsBytes(wire));
        blackhole.consume(new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(1).build());
    }
}
