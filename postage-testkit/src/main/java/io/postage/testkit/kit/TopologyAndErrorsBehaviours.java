package io.postage.testkit.kit;

import static io.postage.testkit.kit.TransportFixture.command;
import static io.postage.testkit.kit.TransportFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.QueueSpec;
import io.postage.TransportException;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Subscription;
import io.postage.spi.Transport;
import org.junit.jupiter.api.Test;

/** Declarations and failures: idempotent declarations, refusals naming what was refused, closing. */
abstract class TopologyAndErrorsBehaviours extends KitBehaviours {

    @Test
    void declarationsAreIdempotentAndServerNamedQueuesGetTheBrokersName() {
        Exchange exchange = exchange(ExchangeType.TOPIC);
        transport().declareExchange(exchange);
        transport().declareExchange(Exchange.DEFAULT);
        transport().declareExchange(Exchange.topic(exchange.name()).withDurable(false).withAutoDelete(true)
                .withPassive(true));
        QueueSpec named = QueueSpec.named(unique("queue")).withExclusive(true);

        assertThat(transport().declareQueue(named)).isEqualTo(named.name());
        assertThat(transport().declareQueue(named)).isEqualTo(named.name());
        String first = transport().declareQueue(QueueSpec.serverNamed());
        String second = transport().declareQueue(QueueSpec.serverNamed());
        assertThat(first).isNotBlank().isNotEqualTo(second);
        transport().bindQueue(first, exchange.name(), "a.#");
        transport().bindQueue(first, exchange.name(), "a.#");
    }

    @Test
    void aRefusedBindingFailsNamingTheQueueAndTheExchangeAndTheTransportKeepsWorking() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = transport().declareQueue(QueueSpec.named(unique("queue")).withAutoDelete(true));
        transport().bindQueue(queue, exchange.name(), "key");
        String missing = unique("missing");
        assertThatThrownBy(() -> transport().bindQueue(queue, missing, "key"))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining(queue).hasMessageContaining(missing);

        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 1, inbox.acking()));
        transport().publish(exchange.name(), "key", command("still working"));
        assertThat(textOf(inbox.next())).isEqualTo("still working");
        assertThat(kit().fixture().exclusiveQueue()).isNotBlank();
    }

    @Test
    void consumingAMissingQueueFailsNamingIt() {
        String missing = unique("missing");

        assertThatThrownBy(() -> transport().consume(missing, 1, delivery -> { }))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("Cannot consume queue '" + missing + "'");
    }

    @Test
    void publishingToAMissingExchangeFailsNamingItAndTheTransportKeepsWorking() throws Exception {
        String missing = unique("missing");
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "key");
        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 1, inbox.acking()));
        ReplyChannel shared = closeLater(transport().openReplyChannel(ReplyChannel.Kind.SHARED, new Inbox()));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> transport().publish(missing, "key", command("lost")))
                    .isInstanceOf(TransportException.class).hasMessageContaining("'" + missing + "'");
        }
        assertThatThrownBy(() -> shared.publish(missing, "key", command("lost")))
                .isInstanceOf(TransportException.class).hasMessageContaining(missing);

        transport().publish(exchange.name(), "key", command("after"));
        shared.publish(exchange.name(), "key", command("through the reply channel"));
        assertThat(inbox.next(2)).extracting(TransportFixture::textOf)
                .containsExactlyInAnyOrder("after", "through the reply channel");
    }

    @Test
    void closeIsIdempotentAndLaterOperationsFailClearly() {
        Transport closing = kit().fixture().connect("closing");
        Exchange exchange = Exchange.direct(unique("after-close"));

        closing.close();
        closing.close();

        assertThatThrownBy(() -> closing.publish("", "queue", command("late")))
                .isInstanceOf(TransportException.class).hasMessageEndingWith("the transport is closed");
        assertThatThrownBy(() -> closing.declareExchange(exchange))
                .isInstanceOf(TransportException.class).hasMessageContaining(exchange.name())
                .hasMessageEndingWith("the transport is closed");
        assertThatThrownBy(() -> closing.consume("queue", 1, delivery -> { }))
                .isInstanceOf(TransportException.class).hasMessageEndingWith("the transport is closed");
        assertThatThrownBy(() -> closing.openReplyChannel(ReplyChannel.Kind.SHARED, delivery -> { }))
                .isInstanceOf(TransportException.class).hasMessageEndingWith("the transport is closed");
    }

    @Test
    void closingTheTransportClosesItsSubscriptionsAndReplyChannels() {
        Transport closing = kit().fixture().connect("closing with subscriptions");
        String queue = closing.declareQueue(QueueSpec.named(unique("queue")).withAutoDelete(true));
        Subscription subscription = closing.consume(queue, 1, delivery -> { });
        ReplyChannel shared = closing.openReplyChannel(ReplyChannel.Kind.SHARED, delivery -> { });
        ReplyChannel exclusive = closing.openReplyChannel(ReplyChannel.Kind.PRIVATE, delivery -> { });

        closing.close();

        assertThatCode(() -> {
            subscription.close();
            shared.close();
            exclusive.close();
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> shared.publish("", queue, command("late")))
                .isInstanceOf(TransportException.class).hasMessageEndingWith("the transport is closed");
    }
}
