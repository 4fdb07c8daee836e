package io.postage.amqp091.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.QueueSpec;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Malformed messages are rejected without requeue (dead-lettered where the queue has a dead-letter
 * exchange), logged with the reason, and the processor goes on with the next good message.
 */
@Timeout(60)
@PostageBroker
class PoisonInputTest {
    private final BrokerInfo broker;
    private final Exchange exchange;
    private final String queue;
    private final String deadLetters;

    PoisonInputTest(BrokerInfo broker) {
        this.broker = broker;
        this.exchange = Exchange.direct(broker.unique("poison-exchange")).withAutoDelete(true);
        this.queue = broker.unique("poison-queue");
        this.deadLetters = broker.unique("poison-dlx");
    }

    @Test
    void malformedMessagesAreDeadLetteredAndLoggedAndTheNextGoodOneIsProcessed() throws Exception {
        byte[] notJson = "this is not JSON".getBytes(StandardCharsets.UTF_8);
        byte[] noCategory = ("{\"type\": \"command\", \"name\": \"echo\", \"version\": \"2\", \"fingerprint\": {}, "
                + "\"content\": {\"parameters\": 1}, \"_reserved\": {}}").getBytes(StandardCharsets.UTF_8);
        byte[] unknownCategory = new String(noCategory, StandardCharsets.UTF_8)
                .replace("\"version\"", "\"category\": \"broadcast\", \"version\"").getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[20 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        byte[] good = MessageCodec.of("jackson").encode(Message.command("echo", "still alive"));
        List<byte[]> poison = List.of(notJson, noCategory, unknownCategory, huge);

        try (Connection raw = RawAmqp.connect(broker); LogCapture logs = new LogCapture()) {
            Channel channel = raw.createChannel();
            channel.exchangeDeclare(deadLetters, "fanout", false, true, null);
            String deadLetterQueue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(deadLetterQueue, deadLetters, "");
            EchoProcessor processor = new EchoProcessor(broker,
                    TestFingerprints.of(broker, "poison_receiver", "controller", "401"),
                    Eqk.builder().exchange(exchange).queue(QueueSpec.named(queue).withAutoDelete(true)
                            .withDeadLetterExchange(deadLetters), "poison").build());

            try (RunningProcessors running = RunningProcessors.start(processor)) {
                AMQP.BasicProperties json = new AMQP.BasicProperties.Builder().contentType("application/json").build();
                for (byte[] body : poison) {
                    channel.basicPublish(exchange.name(), "poison", json, body);
                }
                channel.basicPublish(exchange.name(), "poison", json, good);

                assertThat(processor.echoed.poll(20, TimeUnit.SECONDS)).isEqualTo("still alive");
            }

            List<byte[]> deadLettered = new ArrayList<>();
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    deadLettered.size() < poison.size() && System.nanoTime() < deadline; ) {
                GetResponse response = channel.basicGet(deadLetterQueue, true);
                if (response == null) {
                    Thread.sleep(10);
                } else {
                    deadLettered.add(response.getBody());
                }
            }
            assertThat(deadLettered).as("every poison message was dead-lettered once").hasSize(poison.size());
            assertThat(deadLettered).extracting(body -> body.length)
                    .containsExactlyInAnyOrder(notJson.length, noCategory.length, unknownCategory.length, huge.length);
            assertThat(logs.messages()).anySatisfy(line -> assertThat(line).contains("NOT_JSON"))
                    .anySatisfy(line -> assertThat(line).contains("MISSING_KEY").contains("category"))
                    .anySatisfy(line -> assertThat(line).contains("UNKNOWN_CATEGORY").contains("broadcast"))
                    .anySatisfy(line -> assertThat(line).contains("TOO_LARGE"));
        }
    }

    @Test
    void anRpcHandlerExceptionIsAnsweredAndItsDeliveryRejected() throws Exception {
        try (Connection raw = RawAmqp.connect(broker)) {
            Channel channel = raw.createChannel();
            channel.exchangeDeclare(deadLetters, "fanout", false, true, null);
            String deadLetterQueue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(deadLetterQueue, deadLetters, "");
            RpcServer server = new RpcServer(broker, Eqk.builder().exchange(exchange).queue(QueueSpec.named(queue)
                    .withAutoDelete(true).withDeadLetterExchange(deadLetters), "rpc").build());
            try (RunningProcessors running = RunningProcessors.start(server);
                    io.postage.Producer producer = io.postage.Producer.builder(
                                    TestFingerprints.of(broker, "caller", "application", "402"))
                            .config(broker.config()).eks(exchange, "rpc").build()) {
                Message reply = producer.rpc("boom", null);

                assertThat(reply.content()).containsEntry("value", "IllegalStateException");
                GetResponse rejected = null;
                for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        rejected == null && System.nanoTime() < deadline; Thread.sleep(10)) {
                    rejected = channel.basicGet(deadLetterQueue, true);
                }
                assertThat(rejected).as("the failed call was rejected to the dead-letter exchange").isNotNull();
                assertThat(MessageCodec.of("jackson").decode(rejected.getBody()).name()).isEqualTo("boom");
            }
        }
    }
}
