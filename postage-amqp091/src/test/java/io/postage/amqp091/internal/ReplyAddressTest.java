package io.postage.amqp091.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyAddressTest {

    @Test
    void aQueueNameIsARoutingKeyOnTheDefaultExchange() {
        assertThat(ReplyAddress.parse("amq.gen-JzTY20BRgKO")).isEqualTo(new ReplyAddress("", "amq.gen-JzTY20BRgKO"));
        assertThat(ReplyAddress.parse("amq.rabbitmq.reply-to.g1h2AA"))
                .isEqualTo(new ReplyAddress("", "amq.rabbitmq.reply-to.g1h2AA"));
    }

    @Test
    void aBrokerJBindingUrlToATemporaryQueueGoesThroughTheDefaultExchange() {
        assertThat(ReplyAddress.parse("direct:////TempQueue6a0f4e2b-1c2d"))
                .isEqualTo(new ReplyAddress("", "TempQueue6a0f4e2b-1c2d"));
        assertThat(ReplyAddress.parse("direct:////reply-q")).isEqualTo(new ReplyAddress("", "reply-q"));
    }

    @Test
    void aBrokerJBindingUrlWithARoutingKeyNamesItsExchange() {
        assertThat(ReplyAddress.parse("direct://amq.direct//?routingkey='reply-key'"))
                .isEqualTo(new ReplyAddress("amq.direct", "reply-key"));
    }
}
