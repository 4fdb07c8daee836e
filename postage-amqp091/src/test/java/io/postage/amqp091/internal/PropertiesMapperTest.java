package io.postage.amqp091.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.impl.LongStringHelper;
import io.postage.spi.MessageProperties;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Properties map to AMQP 0-9-1 and back; headers stay flat. */
class PropertiesMapperTest {

    @Test
    void everyPropertyMapsToAmqpAndBack() {
        MessageProperties properties = MessageProperties.of("application/json").withReplyTo("amq.gen-1")
                .withCorrelationId("c-1").withHeaders(Map.of("s", "text", "i", 1, "l", 2L, "d", 0.5, "b", false))
                .withPersistent(true);

        AMQP.BasicProperties amqp = PropertiesMapper.toAmqp(properties);

        assertThat(amqp.getContentType()).isEqualTo("application/json");
        assertThat(amqp.getReplyTo()).isEqualTo("amq.gen-1");
        assertThat(amqp.getCorrelationId()).isEqualTo("c-1");
        assertThat(amqp.getDeliveryMode()).isEqualTo(2);
        assertThat(PropertiesMapper.fromAmqp(amqp)).isEqualTo(properties);
    }

    @Test
    void nothingSetMapsToNothingSet() {
        AMQP.BasicProperties amqp = PropertiesMapper.toAmqp(MessageProperties.NONE);

        assertThat(amqp.getContentType()).isNull();
        assertThat(amqp.getHeaders()).isNull();
        assertThat(amqp.getDeliveryMode()).isEqualTo(1);
        assertThat(PropertiesMapper.fromAmqp(new AMQP.BasicProperties())).isEqualTo(MessageProperties.NONE);
    }

    @Test
    void incomingHeadersAreFlattenedAndTheRestLeftOut() {
        AMQP.BasicProperties amqp = new AMQP.BasicProperties.Builder().headers(Map.of(
                "text", LongStringHelper.asLongString("from the wire"),
                "decimal", new BigDecimal("1.5"),
                "when", Date.from(Instant.parse("2024-05-01T10:00:00Z")),
                "x-death", List.of(Map.of("count", 1)),
                "table", Map.of("nested", 1),
                "bytes", new byte[] {1})).build();

        assertThat(PropertiesMapper.fromAmqp(amqp).headers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "text", "from the wire", "decimal", new BigDecimal("1.5"), "when", "2024-05-01T10:00:00Z"));
    }

    @Test
    void numbersAmqpCannotCarryAreRefusedNamingTheHeader() {
        MessageProperties fits = MessageProperties.NONE.withHeaders(Map.of("n", BigInteger.valueOf(7)));
        MessageProperties tooBig = MessageProperties.NONE.withHeaders(Map.of("n", BigInteger.TWO.pow(70)));
        MessageProperties decimal = MessageProperties.NONE.withHeaders(Map.of("price", new BigDecimal("9.99")));
        MessageProperties precise = MessageProperties.NONE.withHeaders(Map.of("price", new BigDecimal("123456789012.5")));

        assertThat(PropertiesMapper.toAmqp(fits).getHeaders()).containsEntry("n", 7L);
        assertThat(PropertiesMapper.toAmqp(decimal).getHeaders()).containsEntry("price", new BigDecimal("9.99"));
        assertThatThrownBy(() -> PropertiesMapper.toAmqp(tooBig)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"n\"");
        assertThatThrownBy(() -> PropertiesMapper.toAmqp(precise)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"price\"").hasMessageContaining("java.math.BigDecimal");
    }
}
