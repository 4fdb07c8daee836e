package io.postage;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * A decoded command through a processor's dispatch table to its handler method, as
 * {@code DeliveryProcessor} runs it (look up the handlers of (category, type, name), run each), against
 * the baseline {@code direct} (the same handler called through an interface), a hand-written router
 * ({@code handwritten}: a map from command name to a {@link Consumer}, what one writes without a
 * framework) and a naive dispatcher that scans the methods' annotations and calls {@link Method#invoke}
 * for every message.
 *
 * <p>This class sits in package {@code io.postage} (on the class path, the same run-time package as
 * postage-api's classes) because {@code DispatchTable} and {@code HandlerInvoker} are package-private:
 * it measures the dispatch alone, without decoding or settling.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatchBenchmark {
    /** How many handlers the processor registers (besides the built-in quit and restart). */
    @Param({"1", "10", "100"})
    int handlers;

    private DispatchFixtures.SinkProcessor processor;
    private DispatchTable table;
    private Map<String, Consumer<Map<String, Object>>> routes;
    private Message message;

    /** Builds the processor and decodes the command addressed to its last handler. */
    @Setup
    public void setUp() {
        processor = DispatchFixtures.processor(handlers);
        table = DispatchTable.of(processor.getClass());
        routes = new HashMap<>();
        for (int i = 0; i < handlers; i++) {
            routes.put("h" + i, processor);
        }
        MessageCodec codec = MessageCodec.of("jackson");
        message = codec.decode(codec.encode(Message.command("h" + (handlers - 1), Map.of("text", "hello"))));
    }

    /**
     * @return what the handler received
     * @throws Throwable whatever the handler throws (nothing)
     */
    @Benchmark
    public Object postage() throws Throwable {
        for (HandlerInvoker handler : table.messageHandlers(message)) {
            handler.invoke(processor, message, null, null);
        }
        return processor.received;
    }

    /** @return what the handler received, called directly through an interface (baseline) */
    @Benchmark
    public Object direct() {
        processor.accept(message.content());
        return processor.received;
    }

    /** @return what the handler received, routed by a map from name to handler */
    @Benchmark
    public Object handwritten() {
        routes.get(message.name()).accept(message.content());
        return processor.received;
    }

    /**
     * @return what the handler received, found by scanning annotations and called by reflection
     * @throws ReflectiveOperationException never: the handlers are accessible from this package
     */
    @Benchmark
    public Object reflective() throws ReflectiveOperationException {
        for (Method method : processor.getClass().getDeclaredMethods()) {
            MessageHandler annotation = method.getAnnotation(MessageHandler.class);
            if (annotation != null && annotation.type().equals(message.type())
                    && annotation.name().equals(message.name())) {
                method.invoke(processor, message.content());
            }
        }
        return processor.received;
    }
}
