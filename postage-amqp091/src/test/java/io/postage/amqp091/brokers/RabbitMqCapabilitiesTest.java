package io.postage.amqp091.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.postage.ConnectionException;
import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.PostageConfig;
import io.postage.Providers;
import io.postage.QueueSpec;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Transport;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport on RabbitMQ ({@code POSTAGE_TEST_URI}, or the local one), and on a broker it does not
 * know (RabbitMQ behind a proxy that renames it). Like {@code @PostageBroker}: when RabbitMQ is
 * unreachable the tests fail if {@code POSTAGE_TEST_REQUIRE=rabbitmq} (CI sets it), and are skipped,
 * saying why, otherwise (a machine without RabbitMQ tests the embedded broker only).
 */
class RabbitMqCapabilitiesTest extends BrokerCapabilitiesContract {
    private static final String URI_TEXT = Objects.requireNonNullElse(System.getenv("POSTAGE_TEST_URI"),
            "amqp://guest:guest@127.0.0.1:5672/%2F");
    private static final PostageConfig CONFIG = PostageConfig.builder().uri(URI_TEXT).build();
    /** Why RabbitMQ is not tested, when it is unreachable and not required. */
    private static String skipped;

    @BeforeAll
    static void requireRabbitMq() {
        try (Transport probe = Providers.transport("amqp091").connect(CONFIG, "caps-probe")) {
            probe.declareQueue(QueueSpec.serverNamed());
        } catch (ConnectionException e) {
            if ("rabbitmq".equals(System.getenv("POSTAGE_TEST_REQUIRE"))) {
                fail("POSTAGE_TEST_REQUIRE=rabbitmq but RabbitMQ is unreachable: " + e.getMessage(), e);
            }
            skipped = "RabbitMQ is not reachable, so only the embedded broker is tested (" + e.getMessage() + ")";
        }
    }

    /** Skips each test, saying why, where RabbitMQ is unreachable and not required. */
    @Override
    @BeforeEach
    void connectTransport() {
        Assumptions.assumeTrue(skipped == null, skipped);
        super.connectTransport();
    }

    @Override
    PostageConfig config() {
        return CONFIG;
    }

    @Test
    void sharedReplyChannelUsesDirectReplyTo() throws Exception {
        Exchange exchange = exchange(transport, ExchangeType.DIRECT);
        String requests = boundQueue(transport, exchange, "ask");
        Inbox received = new Inbox();
        closeAfterTest(transport.consume(requests, 1, received.acking()));
        ReplyChannel channel = closeAfterTest(transport.openReplyChannel(ReplyChannel.Kind.SHARED, delivery -> { }));

        channel.publish(exchange.name(), "ask", new OutgoingMessage(new byte[0],
                MessageProperties.NONE.withReplyTo(channel.replyTo())));

        assertThat(channel.replyTo()).isEqualTo("amq.rabbitmq.reply-to");
        assertThat(received.next().properties().replyTo()).hasValueSatisfying(
                replyTo -> assertThat(replyTo).startsWith("amq.rabbitmq.reply-to."));
    }

    @Test
    void rabbitMqQueueArgumentsPassAsGiven() {
        String queue = transport.declareQueue(QueueSpec.named(unique("rabbit")).withExclusive(true)
                .withArguments(Map.of("x-message-ttl", 60_000, "x-max-length", 10, "x-expires", 600_000)));

        assertThat(queue).startsWith("postage-caps-rabbit-");
    }

    @Test
    void deadLetterExchangeGivenTwiceIsRefused() {
        Exchange deadLetters = exchange(transport, ExchangeType.FANOUT);

        assertThatThrownBy(() -> transport.declareQueue(QueueSpec.named(unique("twice")).withExclusive(true)
                .withArguments(Map.of("x-dead-letter-exchange", deadLetters.name()))
                .withDeadLetterExchange(deadLetters.name())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x-dead-letter-exchange");
    }

    @Test
    void unknownBrokerIsNamedInOneInfoLineAndServedAsPlainAmqp091() throws Exception {
        URI broker = URI.create(URI_TEXT);
        try (LogLines log = new LogLines();
                ProductRenamingProxy proxy = new ProductRenamingProxy(broker.getHost(),
                        broker.getPort() == -1 ? 5672 : broker.getPort(), "Other-MQ")) {
            String userInfo = broker.getRawUserInfo() == null ? "" : broker.getRawUserInfo() + "@";
            Transport unknown = open(PostageConfig.builder()
                    .uri("amqp://" + userInfo + "127.0.0.1:" + proxy.port() + broker.getRawPath()).build());

            assertThat(log.at(Level.INFO)).filteredOn(line -> line.contains("Other-MQ")).singleElement().asString()
                    .contains("not a broker Postage knows").contains("assuming plain AMQP 0-9-1");
            ReplyChannel replies = closeAfterTest(unknown.openReplyChannel(ReplyChannel.Kind.SHARED, delivery -> { }));
            assertThat(replies.replyTo()).isNotEqualTo("amq.rabbitmq.reply-to");
            Exchange deadLetters = exchange(unknown, ExchangeType.FANOUT);
            Inbox dead = new Inbox();
            closeAfterTest(unknown.consume(boundQueue(unknown, deadLetters, ""), 1, dead.acking()));
            String queue = unknown.declareQueue(QueueSpec.named(unique("work")).withExclusive(true)
                    .withDeadLetterExchange(deadLetters.name()));
            closeAfterTest(unknown.consume(queue, 1, delivery -> delivery.reject(false)));
            unknown.publish("", queue, command("dead-lettered"));
            assertThat(textOf(dead.next())).isEqualTo("dead-lettered");
        }
    }

    private Transport open(PostageConfig through) {
        return closeAfterTest(Providers.transport("amqp091").connect(through, "caps-unknown"));
    }
}
