package io.postage.amqp10;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.spi.Delivery;
import io.postage.spi.DeliveryHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A delivery handler that keeps what it gets, for a test to take, settled or not, at its own pace. */
final class Inbox implements DeliveryHandler {
    static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    @Override
    public void handle(Delivery delivery) {
        deliveries.add(delivery);
    }

    /** @return the next delivery, waiting for it; fails the test if none comes */
    Delivery next() throws InterruptedException {
        Delivery delivery = deliveries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(delivery).as("a delivery within " + WAIT).isNotNull();
        return delivery;
    }

    /** @return the next delivery, or null if none comes within the time */
    Delivery poll(Duration wait) throws InterruptedException {
        return deliveries.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return the body of the next delivery as text, acknowledging it */
    String nextText() throws InterruptedException {
        Delivery delivery = next();
        delivery.ack();
        return new String(delivery.body(), StandardCharsets.UTF_8);
    }
}
