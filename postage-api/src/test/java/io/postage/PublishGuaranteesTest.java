package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.spi.DeliveryHandler;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.PublishOptions;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Subscription;
import io.postage.spi.Transport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The delivery-guarantee API's parts that need no broker: the exception, the builder's checks, the SPI default. */
class PublishGuaranteesTest {

    @Test
    void aPublishExceptionNamesTheExchangeTheRoutingKeyAndWhatHappened() {
        PublishException unroutable = new PublishException("orders", "eu.new", PublishException.Reason.UNROUTABLE,
                "returned by the broker: 312 NO_ROUTE");

        assertThat(unroutable).isInstanceOf(TransportException.class)
                .hasMessage("Cannot publish to exchange 'orders' with routing key 'eu.new': no queue is bound to take it"
                        + " (returned by the broker: 312 NO_ROUTE)");
        assertThat(unroutable.exchange()).isEqualTo("orders");
        assertThat(unroutable.routingKey()).isEqualTo("eu.new");
        assertThat(unroutable.reason()).isEqualTo(PublishException.Reason.UNROUTABLE);
        assertThat(new PublishException("", "q", PublishException.Reason.TIMED_OUT, "no confirm within 300 ms"))
                .hasMessage("Cannot publish to the default exchange with routing key 'q': the broker did not confirm it"
                        + " in time (no confirm within 300 ms)");
    }

    @Test
    void theConfirmTimeoutMustBePositive() {
        Producer.Builder builder = Producer.builder(Fingerprint.of("guarantees", "application"));

        assertThatThrownBy(() -> builder.confirmTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confirmTimeout must be positive");
        assertThatThrownBy(() -> builder.confirmTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.confirmTimeout(Duration.ofMillis(1))).isSameAs(builder);
    }

    @Test
    void aTransportThatCannotConfirmRefusesConfirmedPublishesByDefault() {
        Transport unconfirming = new Transport() {
            @Override
            public void declareExchange(Exchange exchange) {
            }

            @Override
            public String declareQueue(QueueSpec queue) {
                return queue.name();
            }

            @Override
            public void bindQueue(String queue, String exchange, String routingKey) {
            }

            @Override
            public void unbindQueue(String queue, String exchange, String routingKey) {
            }

            @Override
            public void publish(String exchange, String routingKey, OutgoingMessage message) {
            }

            @Override
            public Subscription consume(String queue, int prefetch, DeliveryHandler handler) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ReplyChannel openReplyChannel(ReplyChannel.Kind kind, DeliveryHandler onReply) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void reply(String replyTo, OutgoingMessage reply) {
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> unconfirming.publishConfirmed("x", "k",
                new OutgoingMessage(new byte[0], MessageProperties.NONE), PublishOptions.CONFIRMED))
                .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("cannot confirm publishes");
    }
}
