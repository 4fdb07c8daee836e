package io.postage.amqp091.components;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.Route;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The three echo demos of the Postage README, as tests against the broker. */
@Timeout(60)
@PostageBroker
class EchoDemosTest {
    private final BrokerInfo broker;
    private final Exchange echoExchange;
    private final String echoQueue;

    EchoDemosTest(BrokerInfo broker) {
        this.broker = broker;
        this.echoExchange = Exchange.direct(broker.unique("echo-exchange")).withAutoDelete(true);
        this.echoQueue = broker.unique("echo-queue");
    }

    private Producer producer() {
        return Producer.builder(Fingerprint.of("echo_send", "application", broker.config()))
                .config(broker.config())
                .eks(echoExchange, "echo")
                .build();
    }

    @Test
    void basicEchoDeliversTheCommandToTheReceiver() throws Exception {
        EchoProcessor receiver = new EchoProcessor(broker, TestFingerprints.of(broker, "echo_receive", "controller", "1"),
                Eqk.of(echoExchange, echoQueue, "echo"));
        try (RunningProcessors running = RunningProcessors.start(receiver); Producer producer = producer()) {
            producer.message("echo", "A test message");

            assertThat(receiver.echoed.poll(10, TimeUnit.SECONDS)).isEqualTo("A test message");
        }
    }

    @Test
    void advancedEchoRoundRobinsOnTheSharedQueueAndFansOutOnPrivateQueues() throws Exception {
        List<EchoProcessor> receivers = new ArrayList<>();
        for (String pid : List.of("101", "102")) {
            Fingerprint fingerprint = TestFingerprints.of(broker, "echo_receive", "controller", pid);
            receivers.add(new EchoProcessor(broker, fingerprint, Eqk.builder()
                    .exchange(echoExchange)
                    .queue(QueueSpec.named(echoQueue).withAutoDelete(true), "echo")
                    .queue(QueueSpec.privateFor(echoQueue, fingerprint), "echo-fanout")
                    .build()));
        }
        List<List<Object>> received = List.of(new ArrayList<>(), new ArrayList<>());
        try (RunningProcessors running = RunningProcessors.start(receivers.toArray(EchoProcessor[]::new)); Producer producer = producer()) {
            for (int i = 0; i < 4; i++) {
                producer.message("echo", "shared " + i);
            }
            producer.message("echo", "to everyone", Route.key("echo-fanout"));

            for (int n = 0; n < 6; n++) {
                Object next = null;
                for (int r = 0; next == null; r = (r + 1) % 2) {
                    next = receivers.get(r).echoed.poll(5, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        received.get(r).add(next);
                    }
                }
            }
        }

        assertThat(received).allSatisfy(messages -> assertThat(messages)
                .as("each receiver gets its fan-out copy").contains("to everyone"));
        // RabbitMQ hands a shared queue's messages to its consumers in turn; Qpid Broker-J to whichever is free.
        if (broker.isRabbitMq()) {
            assertThat(received).allSatisfy(messages -> assertThat(messages)
                    .as("each receiver gets a share of the round robin")
                    .anyMatch(message -> message.toString().startsWith("shared")));
        }
        List<Object> shared = new ArrayList<>(received.get(0));
        shared.addAll(received.get(1));
        shared.removeIf("to everyone"::equals);
        assertThat(shared).as("each shared message reaches exactly one receiver")
                .containsExactlyInAnyOrder("shared 0", "shared 1", "shared 2", "shared 3");
        assertThat(receivers).allSatisfy(receiver -> assertThat(receiver.senders)
                .as("the full-body handler sees the sender's fingerprint").containsOnly("echo_send"));
        assertThat(receivers.get(0).senders.size() + receivers.get(1).senders.size()).isEqualTo(6);
    }

    @Test
    void rpcEchoAnswersWithTheParameters() throws Exception {
        EchoProcessor receiver = new EchoProcessor(broker, TestFingerprints.of(broker, "echo_receive", "controller", "1"),
                Eqk.of(echoExchange, echoQueue, "echo"));
        try (RunningProcessors running = RunningProcessors.start(receiver); Producer producer = producer()) {
            Message reply = producer.rpc("echo", "RPC test message");

            assertThat(reply.isSuccess()).isTrue();
            assertThat(reply.content().get("value")).isEqualTo("RPC test message");
        }
    }
}
