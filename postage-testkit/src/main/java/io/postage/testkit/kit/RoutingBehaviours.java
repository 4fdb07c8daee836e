package io.postage.testkit.kit;

import static io.postage.testkit.kit.TransportFixture.command;
import static io.postage.testkit.kit.TransportFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.QueueSpec;
import io.postage.spi.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Routing: direct, topic and fanout exchanges, consumers sharing a queue, unbinding. */
abstract class RoutingBehaviours extends KitBehaviours {

    @Test
    void aDirectExchangeRoutesByTheExactKey() throws Exception {
        Exchange direct = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(direct, "a");
        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 1, inbox.acking()));

        transport().publish(direct.name(), "b", command("to b"));
        transport().publish(direct.name(), "A", command("to A"));
        transport().publish(direct.name(), "a", command("to a"));

        assertThat(textOf(inbox.next())).isEqualTo("to a");
        inbox.expectNothing();
    }

    @Test
    void aTopicExchangeRoutesByPattern() throws Exception {
        Exchange topic = exchange(ExchangeType.TOPIC);
        Inbox oneWord = new Inbox();
        Inbox anyWords = new Inbox();
        closeLater(transport().consume(boundQueue(topic, "orders.*"), 10, oneWord.acking()));
        closeLater(transport().consume(boundQueue(topic, "orders.#"), 10, anyWords.acking()));

        for (String key : List.of("orders.new", "orders.new.eu", "invoices.new", "orders")) {
            transport().publish(topic.name(), key, command(key));
        }

        assertThat(textOf(oneWord.next())).isEqualTo("orders.new");
        oneWord.expectNothing();
        assertThat(anyWords.next(3)).extracting(TransportFixture::textOf)
                .containsExactly("orders.new", "orders.new.eu", "orders");
        anyWords.expectNothing();
    }

    @Test
    void fanoutGivesEveryPrivateQueueACopy() throws Exception {
        Exchange fanout = exchange(ExchangeType.FANOUT);
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        for (Inbox inbox : List.of(first, second)) {
            String queue = transport().declareQueue(QueueSpec.serverNamed());
            transport().bindQueue(queue, fanout.name(), "");
            closeLater(transport().consume(queue, 10, inbox.acking()));
        }

        for (int i = 0; i < 5; i++) {
            transport().publish(fanout.name(), "ignored", command("copy " + i));
        }

        for (Inbox inbox : List.of(first, second)) {
            assertThat(inbox.next(5)).extracting(TransportFixture::textOf)
                    .containsExactly("copy 0", "copy 1", "copy 2", "copy 3", "copy 4");
            inbox.expectNothing();
        }
    }

    @Test
    void consumersOfOneQueueShareItsMessagesEachMessageGoingToOne() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "work");
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        closeLater(transport().consume(queue, 1, first));
        closeLater(transport().consume(queue, 1, second));

        for (int i = 0; i < 10; i++) {
            transport().publish(exchange.name(), "work", command("job " + i));
        }

        // Each consumer may hold one unsettled delivery: the first two jobs go one to each.
        List<Delivery> work = new ArrayList<>(List.of(first.next(), second.next()));
        first.expectNothing();
        second.expectNothing();
        work.forEach(Delivery::ack);
        while (work.size() < 10) {
            Delivery next = nextOfEither(first, second);
            next.ack();
            work.add(next);
        }
        first.expectNothing();
        second.expectNothing();
        assertThat(work).extracting(TransportFixture::textOf).as("every job exactly once")
                .containsExactlyInAnyOrder(IntStream.range(0, 10).mapToObj(i -> "job " + i).toArray(String[]::new));
    }

    private static Delivery nextOfEither(Inbox first, Inbox second) throws InterruptedException {
        long deadline = System.nanoTime() + Inbox.ARRIVAL.toNanos();
        while (System.nanoTime() < deadline) {
            for (Inbox inbox : List.of(first, second)) {
                Optional<Delivery> next = inbox.poll(Duration.ofMillis(5));
                if (next.isPresent()) {
                    return next.get();
                }
            }
        }
        throw new AssertionError("no delivery to either consumer within " + Inbox.ARRIVAL);
    }

    @Test
    void unbindingStopsTheRoutingAndUnbindingTwiceDoesNothing() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "gone");
        transport().bindQueue(queue, exchange.name(), "kept");
        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 1, inbox.acking()));

        transport().unbindQueue(queue, exchange.name(), "gone");
        transport().unbindQueue(queue, exchange.name(), "gone");
        transport().publish(exchange.name(), "gone", command("lost"));
        transport().publish(exchange.name(), "kept", command("found"));

        assertThat(textOf(inbox.next())).isEqualTo("found");
        inbox.expectNothing();
    }
}
