package io.postage.amqp10.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reply addresses as requesters of either protocol write them, translated per broker; and the little JSON. */
class AddressesTest {
    private final RabbitMqDialect rabbit = new RabbitMqDialect(null, new Declarations());
    private final BrokerJDialect brokerJ = new BrokerJDialect(null, null);

    @Test
    void rabbitMqRepliesGoToTheQueueWithoutRedeclaringItWhateverFormTheRequesterUsed() {
        assertThat(rabbit.replyAddress("/queue/amq.gen-Xy/z%1")).isEqualTo("/amq/queue/amq.gen-Xy%2Fz%251");
        assertThat(rabbit.replyAddress("/queue/amq.rabbitmq.reply-to.g1h2AA==")).isEqualTo(
                "/amq/queue/amq.rabbitmq.reply-to.g1h2AA==");
        assertThat(rabbit.replyAddress("reply-1")).isEqualTo("/amq/queue/reply-1");
        assertThat(rabbit.replyAddress("/exchange/x/k")).isEqualTo("/exchange/x/k");
        assertThat(rabbit.replyToAddress("reply-1")).isEqualTo("/queue/reply-1");
        assertThat(rabbit.replyToAddress("/queue/reply-1")).isEqualTo("/queue/reply-1");
        assertThat(rabbit.sendAddress("", "q/1")).isEqualTo("/amq/queue/q%2F1");
    }

    @Test
    void brokerJRepliesFollowTheBindingUrlsItGivesAmqp091ReplyAddresses() {
        assertThat(brokerJ.replyAddress("direct:////TempQueue1234")).isEqualTo("TempQueue1234");
        assertThat(brokerJ.replyAddress("direct:////reply-q")).isEqualTo("reply-q");
        assertThat(brokerJ.replyAddress("direct://amq.direct//?routingkey='reply-key'")).isEqualTo("amq.direct/reply-key");
        assertThat(brokerJ.replyAddress("TempQueue99")).isEqualTo("TempQueue99");
        assertThat(brokerJ.sendAddress("x", "k")).isEqualTo("x/k");
        assertThat(brokerJ.sendAddress("", "q")).isEqualTo("q");
        assertThat(BindingUrl.parse("plain-name")).isEmpty();
        assertThat(BindingUrl.parse("direct://ex//q?routingkey=''")).contains(new BindingUrl("ex", "q", Optional.of("")));
    }

    @Test
    void theManagementJsonIsWrittenInOrderAndEscaped() {
        assertThat(Json.write(Map.of("a", java.util.List.of(1, true, "q\"\\\n")))).isEqualTo("{\"a\":[1,true,\"q\\\"\\\\\\n\"]}");
        assertThat(Json.stringField("{\"error\":\"bad_request\",\"reason\":\"inequivalent arg \\\"x\\\"\"}", "reason"))
                .contains("inequivalent arg \"x\"");
    }
}
