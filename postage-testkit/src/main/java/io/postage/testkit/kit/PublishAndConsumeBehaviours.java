package io.postage.testkit.kit;

import static io.postage.testkit.kit.TransportFixture.CODEC;
import static io.postage.testkit.kit.TransportFixture.command;
import static io.postage.testkit.kit.TransportFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.Message;
import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Publishing and consuming: bodies, properties and headers arrive as sent, large, unicode and concurrent. */
abstract class PublishAndConsumeBehaviours extends KitBehaviours {

    @Test
    void aPublishedMessageArrivesWithItsBodyPropertiesAndHeaders() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "echo");
        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 1, inbox.acking()));
        MessageProperties properties = MessageProperties.of("application/json")
                .withReplyTo("reply-here")
                .withCorrelationId("c-42")
                .withHeaders(Map.of("text", "hi", "count", 42, "big", 5_000_000_000L, "ratio", 0.5, "flag", true))
                .withPersistent(true);
        byte[] body = CODEC.encode(Message.command("echo", Map.of("text", "hello")));

        transport().publish(exchange.name(), "echo", new OutgoingMessage(body, properties));

        Delivery delivery = inbox.next();
        assertThat(delivery.body()).isEqualTo(body);
        assertThat(delivery.properties()).isEqualTo(properties);
        assertThat(delivery.queue()).isEqualTo(queue);
        assertThat(delivery.redelivered()).isFalse();
        assertThat(textOf(delivery)).isEqualTo("hello");
    }

    @Test
    void aMessageWithoutPropertiesArrivesWithEmptyProperties() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "bare");
        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 1, inbox.acking()));

        transport().publish(exchange.name(), "bare", new OutgoingMessage(new byte[] {1, 2}, MessageProperties.NONE));

        assertThat(inbox.next().properties()).isEqualTo(MessageProperties.NONE);
    }

    @Test
    void aTenMebibyteMessageArrivesWhole() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "big");
        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 1, inbox.acking()));
        byte[] body = new byte[10 * 1024 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i % 251);
        }

        transport().publish(exchange.name(), "big", new OutgoingMessage(body, MessageProperties.NONE));

        assertThat(Arrays.equals(inbox.next().body(), body)).as("the 10 MiB body arrived unchanged").isTrue();
    }

    @Test
    void unicodeBodiesRoutingKeysAndHeadersArriveUnchanged() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String key = "clé-ünïcødé-键";
        String queue = boundQueue(exchange, key);
        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 1, inbox.acking()));
        MessageProperties properties = MessageProperties.of(CODEC.contentType())
                .withCorrelationId("id-ß-🚀")
                .withHeaders(Map.of("grüße", "你好, мир 🚀"));

        transport().publish(exchange.name(), key, new OutgoingMessage(command("héllo wörld — 你好 🚀").body(), properties));

        Delivery delivery = inbox.next();
        assertThat(textOf(delivery)).isEqualTo("héllo wörld — 你好 🚀");
        assertThat(delivery.properties()).isEqualTo(properties);
    }

    @Test
    void aThousandConcurrentPublishesFromVirtualThreadsAllArrive() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "load");
        Set<String> received = Collections.synchronizedSet(new HashSet<>());
        closeLater(transport().consume(queue, 100, delivery -> {
            received.add(textOf(delivery));
            delivery.ack();
        }));

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> publishers = new ArrayList<>();
            for (int thread = 0; thread < 50; thread++) {
                int first = thread * 20;
                publishers.add(threads.submit(() -> {
                    for (int i = first; i < first + 20; i++) {
                        transport().publish(exchange.name(), "load", command("m" + i));
                    }
                }));
            }
            for (Future<?> publisher : publishers) {
                publisher.get();
            }
        }

        awaitArrival(() -> received.size() >= 1000);
        assertThat(received).hasSize(1000).contains("m0", "m999");
    }
}
