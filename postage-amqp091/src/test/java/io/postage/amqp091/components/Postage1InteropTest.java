package io.postage.amqp091.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.Producer;
import io.postage.RpcOptions;
import io.postage.RpcReplies;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Speaks Postage 1.x on the wire with the raw amqp-client, as its Python code does: a server that
 * replies with no properties at all, and a client waiting on a server-named exclusive queue
 * without a correlation id. Bodies are written as Python's {@code json.dumps} writes them.
 */
@Timeout(60)
@PostageBroker
class Postage1InteropTest {
    private final BrokerInfo broker;
    private final Exchange exchange;
    private final String queue;
    private final MessageCodec codec = MessageCodec.of("jackson");
    private Connection raw;
    private Channel channel;

    Postage1InteropTest(BrokerInfo broker) {
        this.broker = broker;
        this.exchange = Exchange.direct(broker.unique("interop-exchange")).withAutoDelete(true);
        this.queue = broker.unique("interop-queue");
    }

    @BeforeEach
    void connect() throws Exception {
        raw = RawAmqp.connect(broker);
        channel = raw.createChannel();
        channel.exchangeDeclare(exchange.name(), "direct", true, true, null);
    }

    @AfterEach
    void disconnect() throws Exception {
        raw.close();
    }

    /** What Python's json.dumps(MessageResult(value).body) sends, with its ", " and ": " separators. */
    private static byte[] pythonResult(String value) {
        return ("{\"type\": \"result\", \"name\": \"none\", \"category\": \"message\", \"version\": \"2\", "
                + "\"fingerprint\": {}, \"content\": {\"type\": \"success\", \"value\": \"" + value
                + "\", \"message\": \"\"}, \"_reserved\": {}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Starts a Postage 1.x-style RPC server: it echoes the parameters and replies without any property. */
    private void startPostage1Server() throws Exception {
        channel.queueDeclare(queue, false, false, true, null);
        channel.queueBind(queue, exchange.name(), "echo");
        channel.basicQos(1);
        channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                try {
                    Message request = codec.decode(body);
                    Object parameters = request.content().get("parameters");
                    getChannel().basicPublish("", properties.getReplyTo(), null, pythonResult(parameters.toString()));
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private Producer producer(RpcReplies replies) {
        return Producer.builder(Fingerprint.of("java_client", "application", broker.config()))
                .config(broker.config())
                .eks(exchange, "echo")
                .rpcReplies(replies)
                .build();
    }

    @Test
    void aJavaCallerGetsTheRepliesOfAPostage1ServerWithManyCallsInFlight() throws Exception {
        startPostage1Server();
        try (Producer producer = producer(RpcReplies.PRIVATE)) {
            ConcurrentCalls.assertEachCallGetsItsOwnAnswer(producer, "echo", 10, 5);
        }
    }

    @Test
    void sharedRepliesCannotMatchAPostage1ServerSoTheCallTimesOutAsDocumented() throws Exception {
        startPostage1Server();
        try (Producer producer = producer(RpcReplies.SHARED)) {
            Message reply = producer.rpc("echo", "x", RpcOptions.defaults()
                    .withTimeout(Duration.ofMillis(500)).withMaxRetry(0));

            assertThat(reply.content()).containsEntry("value", "TimeoutError");
        }
    }

    @Test
    void aPostage1CallerGetsTheReplyOfAJavaProcessor() throws Exception {
        EchoProcessor processor = new EchoProcessor(broker, TestFingerprints.of(broker, "echo_receive", "controller", "301"),
                Eqk.of(exchange, queue, "echo"));
        try (RunningProcessors running = RunningProcessors.start(processor)) {
            String replyQueue = channel.queueDeclare("", false, true, true, null).getQueue();
            byte[] request = ("{\"type\": \"command\", \"name\": \"echo\", \"category\": \"rpc\", \"version\": \"2\", "
                    + "\"fingerprint\": {\"name\": \"echo_send\", \"type\": \"application\", \"pid\": \"4242\", "
                    + "\"host\": \"pyhost\", \"user\": \"bob\", \"vhost\": \"/\"}, "
                    + "\"content\": {\"parameters\": \"RPC test message\"}, \"_reserved\": {}}")
                    .getBytes(StandardCharsets.UTF_8);
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .contentType("application/json").replyTo(replyQueue).build();

            channel.basicPublish(exchange.name(), "echo", properties, request);

            GetResponse response = null;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    response == null && System.nanoTime() < deadline; Thread.sleep(10)) {
                response = channel.basicGet(replyQueue, true);
            }
            assertThat(response).as("a reply reached the Postage 1.x caller's queue").isNotNull();
            Message reply = codec.decode(response.getBody());
            assertThat(reply.content()).containsEntry("type", "success").containsEntry("value", "RPC test message");
            assertThat(response.getProps().getCorrelationId()).as("the caller sent none").isNull();
        }
    }
}
