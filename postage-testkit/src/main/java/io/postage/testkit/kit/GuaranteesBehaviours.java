package io.postage.testkit.kit;

import static io.postage.testkit.kit.TransportFixture.command;
import static io.postage.testkit.kit.TransportFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.Producer;
import io.postage.PublishException;
import io.postage.Route;
import io.postage.TransportException;
import io.postage.spi.Delivery;
import io.postage.spi.PublishOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Delivery guarantees: confirmed publishes, one at a time and pipelined; mandatory publishes that no queue
 * takes fail naming the exchange and key; a confirmed publish to a missing exchange fails clearly;
 * confirming producers make messages to durable exchanges persistent.
 */
abstract class GuaranteesBehaviours extends KitBehaviours {
    private static final int PIPELINED = 2_000;

    private Producer.Builder producer(Exchange exchange, String key) {
        return Producer.builder(fingerprint("kit_guarantees", "application")).config(kit().config())
                .eks(exchange, key);
    }

    private Inbox consuming(String queue) {
        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 50, inbox.acking()));
        return inbox;
    }

    @Test
    void aConfirmedMessageReturnsOnceTheBrokerHasItAndArrives() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        Inbox inbox = consuming(boundQueue(exchange, "sure"));
        try (Producer producer = producer(exchange, "sure").confirm(true).build()) {
            producer.message("echo", Map.of("text", "confirmed"));
        }
        assertThat(textOf(inbox.next())).isEqualTo("confirmed");
    }

    @Test
    void manyAsyncConfirmedMessagesAllCompleteAndArrive() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "many");
        Set<String> received = Collections.synchronizedSet(new HashSet<>());
        closeLater(transport().consume(queue, 200, delivery -> {
            received.add(textOf(delivery));
            delivery.ack();
        }));
        try (Producer producer = producer(exchange, "many").confirm(true).build()) {
            long start = System.nanoTime();
            List<CompletableFuture<Void>> confirms = new ArrayList<>(PIPELINED);
            for (int i = 0; i < PIPELINED; i++) {
                confirms.add(producer.messageAsync("echo", Map.of("text", "m" + i)));
            }
            CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new)).get(Inbox.ARRIVAL.toMillis() * 3,
                    TimeUnit.MILLISECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("figures: %s on %s, confirmed publishes pipelined: %d in %d ms (%.0f msg/s)%n",
                    kit().config().transport(), kit().broker().product(), PIPELINED, millis,
                    PIPELINED * 1000.0 / Math.max(1, millis));
            assertThat(confirms).allMatch(confirm -> confirm.isDone() && !confirm.isCompletedExceptionally());
        }
        awaitArrival(() -> received.size() >= PIPELINED);
        assertThat(received).hasSize(PIPELINED).contains("m0", "m" + (PIPELINED - 1));
    }

    @Test
    void aMandatoryMessageNoQueueTakesFailsNamingTheExchangeAndKey() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        Inbox inbox = consuming(boundQueue(exchange, "routed"));
        try (Producer producer = producer(exchange, "routed").mandatory(true).build()) {
            producer.message("echo", Map.of("text", "routed"));
            Throwable failure = catchThrowable(() -> producer.message("echo", Map.of("text", "lost"),
                    Route.key("nobody-listens")));

            assertThat(failure).isInstanceOf(PublishException.class)
                    .hasMessageContaining("exchange '" + exchange.name() + "'")
                    .hasMessageContaining("routing key 'nobody-listens'");
            PublishException unroutable = (PublishException) failure;
            assertThat(unroutable.reason()).isEqualTo(PublishException.Reason.UNROUTABLE);
            assertThat(unroutable.exchange()).isEqualTo(exchange.name());
            assertThat(unroutable.routingKey()).isEqualTo("nobody-listens");
            producer.message("echo", Map.of("text", "routed again"));
        }
        assertThat(inbox.next(2)).extracting(TransportFixture::textOf).containsExactly("routed", "routed again");
    }

    @Test
    void aConfirmedPublishToAMissingExchangeFailsNamingIt() {
        String missing = unique("missing");

        Throwable failure = catchThrowable(() -> transport()
                .publishConfirmed(missing, "key", command("nowhere"), PublishOptions.CONFIRMED).join());

        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        assertThat(cause).isInstanceOf(TransportException.class).hasMessageContaining(missing);
        assertThat(cause.getMessage().toLowerCase(Locale.ROOT)).contains("not");
    }

    @Test
    void aConfirmingProducerMakesMessagesToDurableExchangesPersistentAndOthersNot() throws Exception {
        Exchange durable = Exchange.of(unique("durable"), ExchangeType.DIRECT).withAutoDelete(true);
        transport().declareExchange(durable);
        Exchange transientExchange = exchange(ExchangeType.DIRECT);
        Inbox fromDurable = consuming(boundQueue(durable, "keep"));
        Inbox fromTransient = consuming(boundQueue(transientExchange, "keep"));
        try (Producer producer = producer(durable, "keep").eks(transientExchange, "keep").confirm(true).build()) {
            producer.message("echo", Map.of("text", "both"));
        }
        Delivery kept = fromDurable.next();
        assertThat(kept.properties().persistent()).as("persistent from the durable exchange").isTrue();
        assertThat(fromTransient.next().properties().persistent()).as("persistent from the transient one").isFalse();
    }
}
