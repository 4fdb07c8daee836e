package io.postage.amqp091.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import io.postage.spi.MessageProperties;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps {@link MessageProperties} to AMQP 0-9-1 basic properties and back.
 *
 * <p>Outgoing headers keep strings, booleans and the numbers AMQP 0-9-1 field tables carry
 * ({@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code Float}, {@code Double}, and a
 * {@code BigDecimal} whose unscaled value fits in 32 bits); a {@code BigInteger} that fits in a
 * {@code long} goes as a {@code Long}; any other number is refused.
 * Incoming headers are kept flat: strings, numbers and booleans as they are, timestamps as ISO-8601
 * strings; nested tables, arrays, byte arrays and voids (such as RabbitMQ's {@code x-death}) are left out.
 */
final class PropertiesMapper {
    private static final System.Logger LOG = System.getLogger(PropertiesMapper.class.getName());
    private static final int PERSISTENT = 2;
    private static final int TRANSIENT = 1;
    /** An AMQP 0-9-1 decimal: a scale octet and a 32-bit unscaled value. */
    private static final int MAX_DECIMAL_SCALE = 255;

    private PropertiesMapper() {
    }

    /**
     * @param properties Postage's properties
     * @return the AMQP 0-9-1 properties
     * @throws IllegalArgumentException naming a header whose number AMQP 0-9-1 cannot carry
     */
    static AMQP.BasicProperties toAmqp(MessageProperties properties) {
        Map<String, Object> headers = null;
        if (!properties.headers().isEmpty()) {
            headers = new HashMap<>();
            for (Map.Entry<String, Object> header : properties.headers().entrySet()) {
                headers.put(header.getKey(), headerValue(header.getKey(), header.getValue()));
            }
        }
        return new AMQP.BasicProperties.Builder()
                .contentType(properties.contentType().orElse(null))
                .replyTo(properties.replyTo().orElse(null))
                .correlationId(properties.correlationId().orElse(null))
                .headers(headers)
                .deliveryMode(properties.persistent() ? PERSISTENT : TRANSIENT)
                .build();
    }

    private static Object headerValue(String name, Object value) {
        return switch (value) {
            case String text -> text;
            case Boolean flag -> flag;
            case Integer number -> number;
            case Long number -> number;
            case Short number -> number;
            case Byte number -> number;
            case Float number -> number;
            case Double number -> number;
            case BigInteger number when number.bitLength() < Long.SIZE -> number.longValue();
            case BigDecimal number when number.scale() >= 0 && number.scale() <= MAX_DECIMAL_SCALE
                    && number.unscaledValue().bitLength() < Integer.SIZE -> number;
            default -> throw new IllegalArgumentException("Header \"" + name + "\" holds a " + value.getClass().getName()
                    + ", a number AMQP 0-9-1 headers cannot carry; use a Long, a Double or a String");
        };
    }

    /**
     * @param properties the AMQP 0-9-1 properties as received
     * @return Postage's properties; anything not set is empty
     */
    static MessageProperties fromAmqp(AMQP.BasicProperties properties) {
        Map<String, Object> headers = Map.of();
        if (properties.getHeaders() != null && !properties.getHeaders().isEmpty()) {
            headers = new HashMap<>();
            for (Map.Entry<String, Object> header : properties.getHeaders().entrySet()) {
                Optional<Object> value = flatValue(header.getValue());
                if (value.isPresent()) {
                    headers.put(header.getKey(), value.get());
                } else {
                    LOG.log(Level.DEBUG, "Header \"{0}\" left out: its value is not a string, number or boolean",
                            header.getKey());
                }
            }
        }
        Integer deliveryMode = properties.getDeliveryMode();
        return new MessageProperties(Optional.ofNullable(properties.getContentType()),
                Optional.ofNullable(properties.getReplyTo()), Optional.ofNullable(properties.getCorrelationId()),
                headers, deliveryMode != null && deliveryMode == PERSISTENT);
    }

    private static Optional<Object> flatValue(Object value) {
        return switch (value) {
            case LongString text -> Optional.of(text.toString());
            case String text -> Optional.of(text);
            case Number number -> Optional.of(number);
            case Boolean flag -> Optional.of(flag);
            case Date timestamp -> Optional.of(timestamp.toInstant().toString());
            case null, default -> Optional.empty();
        };
    }
}
