package io.postage.testkit.kit;

import static io.postage.testkit.kit.TransportFixture.command;
import static io.postage.testkit.kit.TransportFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.QueueSpec;
import io.postage.TransportException;
import io.postage.spi.Delivery;
import io.postage.spi.Subscription;
import io.postage.spi.Transport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Settlement: prefetch, acks, rejects with and without requeue, dead-lettering, redelivery after a consumer goes,
 * settling after a cancel.
 */
abstract class SettlementBehaviours extends KitBehaviours {

    @Test
    void prefetchBoundsTheUnsettledDeliveries() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "slow");
        for (int i = 0; i < 5; i++) {
            transport().publish(exchange.name(), "slow", command("task " + i));
        }
        Inbox inbox = new Inbox();

        closeLater(transport().consume(queue, 2, inbox));

        List<Delivery> firstTwo = inbox.next(2);
        inbox.expectNothing();
        firstTwo.get(0).ack();
        assertThat(textOf(inbox.next())).isEqualTo("task 2");
        inbox.expectNothing();
    }

    @Test
    void rejectWithRequeueRedeliversTheMessage() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "retry");
        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 1, inbox));
        transport().publish(exchange.name(), "retry", command("again"));

        Delivery first = inbox.next();
        assertThat(first.redelivered()).isFalse();
        first.reject(true);

        Delivery second = inbox.next();
        assertThat(textOf(second)).isEqualTo("again");
        assertThat(second.redelivered()).isTrue();
        second.ack();
        inbox.expectNothing();
    }

    @Test
    void rejectWithoutRequeueDeadLettersTheMessage() throws Exception {
        Exchange deadLetters = exchange(ExchangeType.FANOUT);
        Inbox dead = everythingFrom(deadLetters);
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = deadLetteringQueue(exchange, "doomed", deadLetters);
        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 1, inbox));

        transport().publish(exchange.name(), "doomed", command("refused"));
        inbox.next().reject(false);

        assertThat(textOf(dead.next())).isEqualTo("refused");
        inbox.expectNothing();
    }

    @Test
    void aHandlerThatThrowsGetsItsDeliveryRejectedWithoutRequeue() throws Exception {
        Exchange deadLetters = exchange(ExchangeType.FANOUT);
        Inbox dead = everythingFrom(deadLetters);
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = deadLetteringQueue(exchange, "boom", deadLetters);
        closeLater(transport().consume(queue, 1, delivery -> {
            throw new IllegalStateException("handler bug");
        }));

        transport().publish(exchange.name(), "boom", command("poison"));

        assertThat(textOf(dead.next())).isEqualTo("poison");
    }

    /**
     * @return the name of a declared queue that dead-letters to the exchange; auto-deleted, so that it
     *     goes with its consumer, before the dead-letter exchange it refers to
     */
    private String deadLetteringQueue(Exchange exchange, String routingKey, Exchange deadLetters) {
        String queue = transport().declareQueue(QueueSpec.named(unique("queue")).withAutoDelete(true)
                .withDeadLetterExchange(deadLetters.name()));
        transport().bindQueue(queue, exchange.name(), routingKey);
        return queue;
    }

    @Test
    void deliveriesCanBeSettledFromOtherThreads() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "handed-over");
        Inbox inbox = new Inbox();
        // As the Postage processor does: the consumer hands each delivery to a virtual thread.
        closeLater(transport().consume(queue, 5, delivery -> Thread.ofVirtual().start(() -> {
            inbox.handle(delivery);
            if (textOf(delivery).equals("requeue me") && !delivery.redelivered()) {
                delivery.reject(true);
            } else {
                delivery.ack();
            }
        })));

        transport().publish(exchange.name(), "handed-over", command("ack me"));
        transport().publish(exchange.name(), "handed-over", command("requeue me"));

        assertThat(inbox.next(3)).extracting(TransportFixture::textOf, Delivery::redelivered)
                .containsExactlyInAnyOrder(
                        tuple("ack me", false), tuple("requeue me", false), tuple("requeue me", true));
        inbox.expectNothing();
    }

    @Test
    void settlingTwiceIsRefusedAndTheSubscriptionKeepsWorking() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "twice");
        Inbox inbox = new Inbox();
        closeLater(transport().consume(queue, 1, inbox));
        transport().publish(exchange.name(), "twice", command("one"));
        Delivery delivery = inbox.next();
        delivery.ack();

        assertThatThrownBy(delivery::ack).isInstanceOf(IllegalStateException.class).hasMessageContaining("settled");
        assertThatThrownBy(() -> delivery.reject(true)).isInstanceOf(IllegalStateException.class);

        transport().publish(exchange.name(), "twice", command("two"));
        Delivery next = inbox.next();
        assertThat(textOf(next)).isEqualTo("two");
        next.ack();
    }

    @Test
    void closingASubscriptionPutsItsUnsettledDeliveriesBackInTheQueue() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "unfinished");
        Inbox inbox = new Inbox();
        Subscription subscription = transport().consume(queue, 1, inbox);
        transport().publish(exchange.name(), "unfinished", command("not done"));
        Delivery unsettled = inbox.next();

        subscription.close();
        subscription.close();

        assertThat(subscription.queue()).isEqualTo(queue);
        assertThatThrownBy(unsettled::ack).isInstanceOf(TransportException.class)
                .hasMessageContaining(queue).hasMessageContaining("back in the queue");
        Inbox again = new Inbox();
        closeLater(transport().consume(queue, 1, again.acking()));
        Delivery redelivered = again.next();
        assertThat(textOf(redelivered)).isEqualTo("not done");
        assertThat(redelivered.redelivered()).isTrue();
    }

    @Test
    void aCancelledSubscriptionDeliversNoMoreWhileItsDeliveriesCanStillBeSettled() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "cancelled");
        for (int i = 0; i < 3; i++) {
            transport().publish(exchange.name(), "cancelled", command("task " + i));
        }
        Inbox inbox = new Inbox();
        Subscription subscription = closeLater(transport().consume(queue, 2, inbox));
        List<Delivery> firstTwo = inbox.next(2);

        subscription.cancel();
        subscription.cancel();
        firstTwo.get(0).ack();
        firstTwo.get(1).reject(true);

        inbox.expectNothing();
        subscription.close();
        Inbox again = new Inbox();
        closeLater(transport().consume(queue, 5, again.acking()));
        assertThat(again.next(2)).extracting(TransportFixture::textOf).containsExactlyInAnyOrder("task 1", "task 2");
        again.expectNothing();
    }

    @Test
    void theUnsettledDeliveriesOfAConsumerWhoseConnectionClosesAreRedeliveredToAnother() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        // Shared between connections, so not exclusive; deleted once the last consumer goes.
        String queue = transport().declareQueue(QueueSpec.named(unique("queue")).withAutoDelete(true));
        transport().bindQueue(queue, exchange.name(), "key");
        Transport dying = kit().fixture().connect("dying consumer");
        Inbox first = new Inbox();
        dying.consume(queue, 1, first);
        transport().publish(exchange.name(), "key", command("unfinished"));
        assertThat(first.next().redelivered()).isFalse();
        Inbox second = new Inbox();
        closeLater(transport().consume(queue, 1, second.acking()));

        dying.close();

        Delivery redelivered = second.next();
        assertThat(textOf(redelivered)).isEqualTo("unfinished");
        assertThat(redelivered.redelivered()).isTrue();
    }

    @Test
    void aSubscriptionClosedFromItsOwnHandlerDoesNotDeadlock() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "stop");
        CompletableFuture<Subscription> subscription = new CompletableFuture<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        subscription.complete(transport().consume(queue, 1, delivery -> {
            delivery.ack();
            subscription.join().close();
            closed.complete(null);
        }));

        transport().publish(exchange.name(), "stop", command("last"));

        closed.get(Inbox.ARRIVAL.toMillis(), TimeUnit.MILLISECONDS);
    }
}
