package io.postage.benchmarks.e2e;

import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.benchmarks.Payload;
import java.util.Map;

/**
 * A {@link Producer} sending commands to a {@link MessageProcessor} whose handler reports each one.
 *
 * @param prefetch the processor's prefetch
 * @param transports the producer's and the processor's transports
 */
record PostageFireAndForget(int prefetch, Transports transports) implements Variant {
    private static final String KEY = "ff";

    @Override
    public String name() {
        return "postage" + transports.label();
    }

    @Override
    public boolean baseline() {
        return false;
    }

    @Override
    public Sample run(Target target, Timing timing) throws Exception {
        String name = Variant.uniqueName("ff");
        Exchange exchange = Exchange.direct(name).withAutoDelete(true);
        Eqk eqk = Eqk.builder().exchange(exchange).queue(QueueSpec.named(name).withAutoDelete(true), KEY).build();
        FireAndForgetLoad load = new FireAndForgetLoad();
        Sink sink = new Sink(eqk,
                ProcessorSettings.of(target.postageConfig(transports.processor())).withPrefetch(prefetch), load);
        RunningProcessor running = RunningProcessor.start(sink);
        try (running; Producer producer = Producer.builder(Payload.FINGERPRINT)
                .config(target.postageConfig(transports.producer()))
                .eks(exchange, KEY).build()) {
            return load.drive(sent -> producer.message("ff", Envelopes.parameters(sent)), timing);
        }
    }

    /** Reports every {@code ff} command to the load. */
    static final class Sink extends MessageProcessor {
        private final FireAndForgetLoad load;

        Sink(Eqk eqk, ProcessorSettings settings, FireAndForgetLoad load) {
            super(Payload.FINGERPRINT, eqk, settings);
            this.load = load;
        }

        @MessageHandler(name = "ff")
        void received(Map<String, Object> content) {
            load.received(Envelopes.sentNanos(content));
        }
    }
}
