package io.postage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.DeadLetterHeaders;
import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many attempts a delivery carries: the count that keeps retries from looping. */
class FailedDeliveriesTest {

    /** A delivery as received, for reading its headers; never settled here. */
    private record Received(MessageProperties properties) implements Delivery {
        @Override
        public byte[] body() {
            return new byte[0];
        }

        @Override
        public String queue() {
            return "jobs";
        }

        @Override
        public boolean redelivered() {
            return false;
        }

        @Override
        public void ack() {
            throw new UnsupportedOperationException("not settled in this test");
        }

        @Override
        public void reject(boolean requeue) {
            throw new UnsupportedOperationException("not settled in this test");
        }
    }

    private static int attemptsBefore(Map<String, Object> headers) {
        return FailedDeliveries.attemptsBefore(new Received(MessageProperties.NONE.withHeaders(headers)));
    }

    @Test
    void aFirstDeliveryHasNoAttemptsBeforeIt() {
        assertThat(attemptsBefore(Map.of())).isZero();
    }

    @Test
    void aRetryCarriesItsAttemptsAsANumberOrADecimalString() {
        assertThat(attemptsBefore(Map.of(DeadLetterHeaders.ATTEMPTS, 2))).isEqualTo(2);
        assertThat(attemptsBefore(Map.of(DeadLetterHeaders.ATTEMPTS, 7L))).isEqualTo(7);
        assertThat(attemptsBefore(Map.of(DeadLetterHeaders.ATTEMPTS, "3"))).isEqualTo(3);
    }

    @Test
    void aMalformedOrHostileCountNeitherLoopsNorOverflows() {
        assertThat(attemptsBefore(Map.of(DeadLetterHeaders.ATTEMPTS, "many"))).isZero();
        assertThat(attemptsBefore(Map.of(DeadLetterHeaders.ATTEMPTS, -5))).isZero();
        assertThat(attemptsBefore(Map.of(DeadLetterHeaders.ATTEMPTS, Long.MAX_VALUE)))
                .as("one more attempt still fits in an int").isEqualTo(Integer.MAX_VALUE - 1);
    }

    @Test
    void aDeadLetterSentBackToItsQueueCountsAttemptsAfresh() {
        assertThat(attemptsBefore(Map.of(DeadLetterHeaders.ATTEMPTS, 3,
                DeadLetterHeaders.REASON, "unmanaged exception handling ..."))).isZero();
    }
}
