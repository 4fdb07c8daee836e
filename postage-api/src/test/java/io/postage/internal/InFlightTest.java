package io.postage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The shutdown's view of the delivery at work: waiting for it, giving it back at the deadline, refusing new work. */
class InFlightTest {

    /**
     * Records how it was settled and refuses a second settlement, as the transports' deliveries do; the broker
     * side is tested in the reliability module's ShutdownTest.
     */
    static final class Recorded implements Delivery {
        final List<String> settlements = new CopyOnWriteArrayList<>();

        @Override
        public byte[] body() {
            return new byte[0];
        }

        @Override
        public MessageProperties properties() {
            return MessageProperties.NONE;
        }

        @Override
        public String queue() {
            return "work";
        }

        @Override
        public boolean redelivered() {
            return false;
        }

        @Override
        public void ack() {
            settle("ack");
        }

        @Override
        public void reject(boolean requeue) {
            settle(requeue ? "requeue" : "reject");
        }

        private synchronized void settle(String how) {
            if (!settlements.isEmpty()) {
                throw new IllegalStateException("settled already");
            }
            settlements.add(how);
        }
    }

    @Test
    void stopWaitsForTheWorkAtHandToEndAndLetsItsHandlerSettle() throws Exception {
        InFlight inFlight = new InFlight();
        Recorded delivery = new Recorded();
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
        assertThat(delivery.settlements).containsExactly("ack");
    }

    @Test
    void atTheDeadlineTheDeliveryIsGivenBackAndTheHandlersLateAckIgnored() {
        InFlight inFlight = new InFlight();
        Recorded delivery = new Recorded();
        Delivery tracked = inFlight.start(delivery).orElseThrow();

        assertThat(inFlight.stop(Duration.ofMillis(50))).isFalse();
        tracked.ack();

        assertThat(delivery.settlements).containsExactly("requeue");
    }

    @Test
    void noWorkStartsOnceStopped() {
        InFlight inFlight = new InFlight();

        assertThat(inFlight.stop(Duration.ZERO)).isTrue();

        assertThat(inFlight.start(new Recorded())).isEmpty();
    }

    @Test
    void aSecondSettlementByTheHandlerStillFailsAsWithoutTracking() {
        InFlight inFlight = new InFlight();
        Recorded delivery = new Recorded();
        Delivery tracked = inFlight.start(delivery).orElseThrow();
        tracked.ack();

        assertThatThrownBy(tracked::ack).isInstanceOf(IllegalStateException.class);
        assertThat(delivery.settlements).containsExactly("ack");
    }

    @Test
    void onlyTheThreadAtWorkIsWorking() throws Exception {
        InFlight inFlight = new InFlight();
        inFlight.start(new Recorded()).orElseThrow();

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
