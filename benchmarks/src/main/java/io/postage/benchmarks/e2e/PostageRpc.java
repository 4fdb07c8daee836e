package io.postage.benchmarks.e2e;

import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Message;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.RpcHandler;
import io.postage.RpcReplies;
import io.postage.benchmarks.Payload;
import java.time.Duration;
import java.util.Map;

/**
 * Callers sharing one {@link Producer} that call an echoing {@link MessageProcessor}; the processor's
 * prefetch is the number of callers.
 *
 * @param replies how the producer receives replies
 * @param callers how many callers at once
 * @param transports the producer's and the processor's transports
 */
record PostageRpc(RpcReplies replies, int callers, Transports transports) implements Variant {
    private static final String KEY = "rpc";

    @Override
    public String name() {
        return "postage " + replies + transports.label();
    }

    @Override
    public boolean baseline() {
        return false;
    }

    @Override
    public Sample run(Target target, Timing timing) throws Exception {
        String name = Variant.uniqueName("rpc");
        Exchange exchange = Exchange.direct(name).withAutoDelete(true);
        Eqk eqk = Eqk.builder().exchange(exchange).queue(QueueSpec.named(name).withAutoDelete(true), KEY).build();
        Echo echo = new Echo(eqk,
                ProcessorSettings.of(target.postageConfig(transports.processor())).withPrefetch(callers));
        RunningProcessor running = RunningProcessor.start(echo);
        try (running; Producer producer = Producer.builder(Payload.FINGERPRINT)
                .config(target.postageConfig(transports.producer()))
                .eks(exchange, KEY).rpcReplies(replies).rpcTimeout(Duration.ofSeconds(10)).maxRetry(0).build()) {
            return new RpcLoad().drive(callers, sent -> {
                Message reply = producer.rpc("echo", Envelopes.parameters(sent));
                if (!reply.isSuccess()) {
                    throw new IllegalStateException("The call failed: " + reply);
                }
            }, timing);
        }
    }

    /** Answers {@code echo} with its parameters. */
    static final class Echo extends MessageProcessor {
        Echo(Eqk eqk, ProcessorSettings settings) {
            super(Payload.FINGERPRINT, eqk, settings);
        }

        @RpcHandler(name = "echo")
        Message echo(Map<String, Object> content) {
            return Message.result(content.get("parameters"));
        }
    }
}
