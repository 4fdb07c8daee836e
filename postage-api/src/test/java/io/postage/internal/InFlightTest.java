package io.postage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.spi.Delivery;
import io.postage.spi.StubDelivery;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The shutdown's view of the delivery at work: waiting for it, giving it back at the deadline, refusing new work. */
class InFlightTest {

    @Test
    void stopWaitsForTheWorkAtHandToEndAndLetsItsHandlerSettle() throws Exception {
        InFlight inFlight = new InFlight();
        StubDelivery delivery = new StubDelivery("work", false);
        CountDownLatch working = new CountDownLatch(1);
        CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
            Delivery tracked = inFlight.start(delivery).orElseThrow();
            working.countDown();
            sleep(Duration.ofMillis(200));
            tracked.ack();
            inFlight.end();
        });
        working.await();

        assertThat(inFlight.stop(Duration.ofSeconds(10))).isTrue();

        worker.join();
        assertThat(delivery.settlements()).containsExactly("ack");
    }

    @Test
    void atTheDeadlineTheDeliveryIsGivenBackAndTheHandlersLateAckIgnored() {
        InFlight inFlight = new InFlight();
        StubDelivery delivery = new StubDelivery("work", false);
        Delivery tracked = inFlight.start(delivery).orElseThrow();

        assertThat(inFlight.stop(Duration.ofMillis(50))).isFalse();
        tracked.ack();

        assertThat(delivery.settlements()).containsExactly("requeue");
    }

    @Test
    void noWorkStartsOnceStopped() {
        InFlight inFlight = new InFlight();

        assertThat(inFlight.stop(Duration.ZERO)).isTrue();

        assertThat(inFlight.start(new StubDelivery("work", false))).isEmpty();
    }

    @Test
    void aSecondSettlementByTheHandlerStillFailsAsWithoutTracking() {
        InFlight inFlight = new InFlight();
        StubDelivery delivery = new StubDelivery("work", false);
        Delivery tracked = inFlight.start(delivery).orElseThrow();
        tracked.ack();

        assertThatThrownBy(tracked::ack).isInstanceOf(IllegalStateException.class);
        assertThat(delivery.settlements()).containsExactly("ack");
    }

    @Test
    void onlyTheThreadAtWorkIsWorking() throws Exception {
        InFlight inFlight = new InFlight();
        inFlight.start(new StubDelivery("work", false)).orElseThrow();

        assertThat(inFlight.isWorking()).isTrue();
        assertThat(CompletableFuture.supplyAsync(inFlight::isWorking).get()).isFalse();
        inFlight.end();
        assertThat(inFlight.isWorking()).isFalse();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
