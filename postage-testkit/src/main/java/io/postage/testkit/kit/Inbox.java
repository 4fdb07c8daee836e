package io.postage.testkit.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.spi.Delivery;
import io.postage.spi.DeliveryHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Collects the deliveries of a subscription, for a test to wait for them on its own thread.
 *
 * {@snippet :
 * Inbox inbox = new Inbox();
 * transport.consume(queue, 1, inbox.acking());
 * transport.publish(exchange, "key", message);
 * Delivery delivery = inbox.next();
 * inbox.expectNothing();
 * }
 */
public final class Inbox implements DeliveryHandler {
    /** How long a message may take to arrive. */
    public static final Duration ARRIVAL = Duration.ofSeconds(10);
    /** How long to watch for a message that must not arrive. */
    public static final Duration QUIET = Duration.ofMillis(300);

    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    /** An empty inbox. */
    public Inbox() {
    }

    /** Keeps the delivery, unsettled. */
    @Override
    public void handle(Delivery delivery) {
        deliveries.add(delivery);
    }

    /** @return a handler that acks each delivery as it arrives, then keeps it here */
    public DeliveryHandler acking() {
        return delivery -> {
            delivery.ack();
            handle(delivery);
        };
    }

    /**
     * @return the next delivery
     * @throws AssertionError if none arrives within {@link #ARRIVAL}
     * @throws InterruptedException if interrupted while waiting
     */
    public Delivery next() throws InterruptedException {
        Delivery delivery = deliveries.poll(ARRIVAL.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(delivery).as("a delivery within %s", ARRIVAL).isNotNull();
        return delivery;
    }

    /**
     * @param count how many deliveries to wait for
     * @return the next {@code count} deliveries, in their order of arrival
     * @throws AssertionError if one of them does not arrive within {@link #ARRIVAL}
     * @throws InterruptedException if interrupted while waiting
     */
    public List<Delivery> next(int count) throws InterruptedException {
        List<Delivery> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(next());
        }
        return received;
    }

    /**
     * @param timeout how long to wait
     * @return the next delivery, if one arrives in time
     * @throws InterruptedException if interrupted while waiting
     */
    public Optional<Delivery> poll(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(deliveries.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * @throws AssertionError if a delivery arrives within {@link #QUIET}
     * @throws InterruptedException if interrupted while waiting
     */
    public void expectNothing() throws InterruptedException {
        assertThat(poll(QUIET)).as("no further delivery").isEmpty();
    }
}
