package io.postage.amqp091.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.PostageConfig;
import io.postage.QueueSpec;
import io.postage.UnsupportedFeatureException;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import io.postage.testkit.broker.EmbeddedBroker;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transport on Qpid Broker-J (embedded, 10.1.0): what it does where Broker-J differs from RabbitMQ. */
class BrokerJCapabilitiesTest extends BrokerCapabilitiesContract {
    private static EmbeddedBroker broker;
    private static PostageConfig config;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start();
        config = PostageConfig.builder().uri(broker.uri091()).build();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Override
    PostageConfig config() {
        return config;
    }

    @Test
    void sharedReplyChannelIsAServerNamedQueueForWantOfDirectReplyTo() throws Exception {
        Exchange exchange = exchange(transport, ExchangeType.DIRECT);
        String requests = boundQueue(transport, exchange, "ask");
        Inbox received = new Inbox();
        closeAfterTest(transport.consume(requests, 1, received.acking()));
        Inbox replies = new Inbox();
        ReplyChannel channel = closeAfterTest(transport.openReplyChannel(ReplyChannel.Kind.SHARED, replies));

        channel.publish(exchange.name(), "ask", new OutgoingMessage(new byte[0],
                MessageProperties.NONE.withReplyTo(channel.replyTo()).withCorrelationId("c-1")));
        transport.reply(received.next().properties().replyTo().orElseThrow(),
                new OutgoingMessage(command("answer").body(), MessageProperties.NONE.withCorrelationId("c-1")));

        assertThat(channel.replyTo()).isNotEmpty().isNotEqualTo("amq.rabbitmq.reply-to");
        assertThat(replies.next().properties().correlationId()).contains("c-1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            x-dead-letter-exchange | use QueueSpec.withDeadLetterExchange(...) instead
            x-message-ttl          | maximumMessageTtl
            x-max-length           | maximumQueueDepthMessages
            x-expires              | QueueSpec.withAutoDelete(true)
            x-queue-type           | no quorum or stream queues
            x-max-priority         | x-qpid-priorities
            x-overflow             | leave it out
            """)
    void rabbitMqQueueArgumentIsRefusedBeforeSendingWithTheAlternative(String argument, String alternative)
            throws Exception {
        ReplyChannel replies = closeAfterTest(transport.openReplyChannel(ReplyChannel.Kind.PRIVATE, delivery -> { }));
        String before = replies.replyTo();
        String queue = unique("refused");

        assertThatThrownBy(() -> transport.declareQueue(QueueSpec.named(queue).withExclusive(true)
                .withArguments(Map.of(argument, "value"))))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageStartingWith("Queue '" + queue + "': the argument " + argument
                        + " is not supported by Qpid Broker-J")
                .hasMessageContaining(alternative);

        assertThat(replies.replyTo()).as("the connection was never lost").isEqualTo(before);
        assertThat(exists(queue)).as("queue declared").isFalse();
    }

    @Test
    void brokerJOwnQueueArgumentsPassAsGiven() {
        String queue = transport.declareQueue(QueueSpec.named(unique("qpid")).withExclusive(true)
                .withArguments(Map.of("x-qpid-priorities", 5, "maximumMessageTtl", 60_000)));

        assertThat(queue).startsWith("postage-caps-qpid-");
    }

    @Test
    void rejectedMessageOfAQueueWithoutDeadLetterExchangeIsAcknowledgedWithAWarning() throws Exception {
        Exchange exchange = exchange(transport, ExchangeType.DIRECT);
        String queue = boundQueue(transport, exchange, "job");
        AtomicInteger deliveries = new AtomicInteger();
        try (LogLines log = new LogLines()) {
            closeAfterTest(transport.consume(queue, 1, delivery -> {
                deliveries.incrementAndGet();
                delivery.reject(false);
            }));

            transport.publish(exchange.name(), "job", command("dropped"));

            Thread.sleep(QUIET.toMillis());
            assertThat(deliveries).hasValue(1);
            assertThat(log.at(Level.WARNING)).singleElement().asString()
                    .startsWith("Dropped a message rejected from queue '" + queue + "': Qpid Broker-J would deliver it again");
        }
    }

    private boolean exists(String queue) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri091());
        try (Connection raw = factory.newConnection("caps-raw")) {
            raw.createChannel().queueDeclarePassive(queue);
            return true;
        } catch (IOException notFound) {
            return false;
        }
    }
}
