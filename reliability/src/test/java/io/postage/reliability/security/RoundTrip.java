package io.postage.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.PostageConfig;
import io.postage.Producer;
import io.postage.testkit.kit.RunningProcessors;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A producer and a processor on one configuration: a command and an RPC must go through. */
final class RoundTrip {

    private RoundTrip() {
    }

    /**
     * @param config where both connect, with which transport
     * @return the receiver, stopped, with what it got
     * @throws InterruptedException if interrupted while waiting for the message
     */
    static EchoReceiver assertMessageAndRpcGoThrough(PostageConfig config) throws InterruptedException {
        Exchange exchange = Exchange.direct(unique("tls-echo-exchange")).withAutoDelete(true);
        EchoReceiver receiver = new EchoReceiver(config, Eqk.of(exchange, unique("tls-echo-queue"), "echo"));
        try (RunningProcessors running = RunningProcessors.start(receiver);
                Producer producer = Producer.builder(Fingerprint.of("echo_send", "application", config))
                        .config(config).eks(exchange, "echo").build()) {
            producer.message("echo", "over " + config.transport());

            assertThat(receiver.echoed.poll(10, TimeUnit.SECONDS)).as("the command arrived")
                    .isEqualTo("over " + config.transport());
            Message reply = producer.rpc("echo", "rpc");
            assertThat(reply.isSuccess()).as("the RPC was answered: %s", reply).isTrue();
            assertThat(reply.content().get("value")).isEqualTo("rpc");
        }
        return receiver;
    }

    /**
     * @param prefix what the name says
     * @return the prefix, a dash and a random suffix
     */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
