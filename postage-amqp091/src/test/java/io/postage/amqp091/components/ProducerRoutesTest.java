package io.postage.amqp091.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.ExchangeKey;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.MessageHandler;
import io.postage.MessageHandlerFullBody;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.RejectMessage;
import io.postage.Route;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The producer's routes and message forms (Postage 1.x's _key, _eks, message(*args, **kwds), forward), and RejectMessage. */
@Timeout(60)
@PostageBroker
class ProducerRoutesTest {
    private final BrokerInfo broker;
    private final Exchange main;
    private final Exchange other;

    ProducerRoutesTest(BrokerInfo broker) {
        this.broker = broker;
        this.main = Exchange.direct(broker.unique("routes-main")).withAutoDelete(true);
        this.other = Exchange.topic(broker.unique("routes-other")).withAutoDelete(true);
    }

    /** Records every envelope it receives, whatever its type and name. */
    static final class Recorder extends MessageProcessor {
        final BlockingQueue<Map<String, Object>> bodies = new LinkedBlockingQueue<>();

        Recorder(BrokerInfo broker, Eqk eqk) {
            super(TestFingerprints.of(broker, "recorder", "controller", "701"), eqk, ProcessorSettings.of(broker.config()));
        }

        @MessageHandlerFullBody(type = "command", name = "echo")
        void command(Map<String, Object> body) {
            bodies.add(body);
        }

        @MessageHandlerFullBody(type = "none", name = "none")
        void generic(Map<String, Object> body) {
            bodies.add(body);
        }

        @MessageHandler(name = "refuse")
        void refuse() {
            throw new RejectMessage("refused on purpose");
        }
    }

    private Producer producer() {
        return Producer.builder(Fingerprint.of("router", "application", broker.config()))
                .config(broker.config()).eks(main, "first").eks(main, "second").build();
    }

    @Test
    void messagesGoToEveryDefaultPairOrWhereTheRouteSays() throws Exception {
        Recorder recorder = new Recorder(broker, Eqk.builder()
                .exchange(main).queue(QueueSpec.serverNamed(), "first").queue(QueueSpec.serverNamed(), "second")
                .queue(QueueSpec.serverNamed(), "third")
                .exchange(other).queue(QueueSpec.serverNamed(), "logs.#")
                .build());
        try (RunningProcessors running = RunningProcessors.start(recorder); Producer producer = producer()) {
            producer.message("echo", "to both defaults");
            assertThat(next(recorder)).containsEntry("content", Map.of("parameters", "to both defaults"));
            assertThat(next(recorder)).containsEntry("content", Map.of("parameters", "to both defaults"));

            producer.message("echo", "by key", Route.key("third"));
            assertThat(next(recorder)).containsEntry("content", Map.of("parameters", "by key"));

            producer.message("echo", "elsewhere", Route.eks(new ExchangeKey(other, "logs.app")));
            assertThat(next(recorder)).containsEntry("content", Map.of("parameters", "elsewhere"));
            assertThat(recorder.bodies.poll(200, TimeUnit.MILLISECONDS)).as("nothing else arrived").isNull();
        }
    }

    @Test
    void genericMessagesAndForwardedBodiesArriveAsSent() throws Exception {
        Recorder recorder = new Recorder(broker, Eqk.of(main, broker.unique("routes-queue"), "first"));
        try (RunningProcessors running = RunningProcessors.start(recorder); Producer producer = producer()) {
            producer.message(List.of(1, "two"), Map.of("three", 3), Route.key("first"));
            Map<String, Object> generic = next(recorder);
            assertThat(generic).containsEntry("type", "none").containsEntry("name", "none")
                    .containsEntry("content", Map.of("args", List.of(1, "two"), "kwds", Map.of("three", 3)));

            Map<String, Object> received = Message.command("echo", "original")
                    .withFingerprint(TestFingerprints.of(broker, "someone_else", "application", "9")).toWire();
            producer.forward(received, Route.key("first"));
            Map<String, Object> forwarded = next(recorder);
            assertThat(forwarded).as("forwarded as is, with the original sender").isEqualTo(received);
        }
    }

    @Test
    void rejectMessageDeadLettersTheMessageAndTheProcessorGoesOn() throws Exception {
        String deadLetters = broker.unique("routes-dlx");
        try (Connection raw = RawAmqp.connect(broker)) {
            Channel channel = raw.createChannel();
            channel.exchangeDeclare(deadLetters, "fanout", false, true, null);
            String deadLetterQueue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(deadLetterQueue, deadLetters, "");
            Recorder recorder = new Recorder(broker, Eqk.builder().exchange(main)
                    .queue(QueueSpec.named(broker.unique("routes-queue")).withAutoDelete(true)
                            .withDeadLetterExchange(deadLetters), "first").build());
            try (RunningProcessors running = RunningProcessors.start(recorder); Producer producer = producer()) {
                producer.message("refuse", null, Route.key("first"));
                producer.message("echo", "after", Route.key("first"));

                assertThat(next(recorder)).containsEntry("content", Map.of("parameters", "after"));
                GetResponse rejected = null;
                for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        rejected == null && System.nanoTime() < deadline; Thread.sleep(10)) {
                    rejected = channel.basicGet(deadLetterQueue, true);
                }
                assertThat(rejected).isNotNull();
                assertThat(MessageCodec.of("jackson").decode(rejected.getBody()).name()).isEqualTo("refuse");
            }
        }
    }

    private static Map<String, Object> next(Recorder recorder) throws InterruptedException {
        Map<String, Object> body = recorder.bodies.poll(10, TimeUnit.SECONDS);
        assertThat(body).as("a message arrived").isNotNull();
        return body;
    }
}
