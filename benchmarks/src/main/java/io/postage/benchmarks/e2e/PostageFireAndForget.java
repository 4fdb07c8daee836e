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
 * A {@link Producer} sending commands to a {@link MessageProcessor} whose handler reports each one; with
 * confirms, a confirming producer's {@code messageAsync} in the window of {@link Confirms}, messages not
 * persistent (as the raw side's).
 *
 * @param prefetch the processor's prefetch
 * @param transports the producer's and the processor's transports
 * @param confirm whether the producer waits for publisher confirms
 */
record PostageFireAndForget(int prefetch, Transports transports, boolean confirm) implements Variant {
    private static final String KEY = "ff";

    /**
     * Without publisher confirms.
     *
     * @param prefetch the processor's prefetch
     * @param transports the producer's and the processor's transports
     */
    PostageFireAndForget(int prefetch, Transports transports) {
        this(prefetch, transports, false);
    }

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
                .eks(exchange, KEY).confirm(confirm).persistent(false).build()) {
            Confirms confirms = load.confirms();
            return load.drive(confirm ? sent -> {
                confirms.beforePublish();
                producer.messageAsync("ff", Envelopes.parameters(sent)).whenComplete(confirms::completed);
            } : sent -> producer.message("ff", Envelopes.parameters(sent)), timing);
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
