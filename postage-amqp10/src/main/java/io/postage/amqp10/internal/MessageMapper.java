package io.postage.amqp10.internal;

import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.qpid.jms.message.JmsMessage;
import org.apache.qpid.jms.provider.amqp.message.AmqpJmsMessageFacade;
import org.apache.qpid.proton.amqp.Symbol;

/**
 * Maps Postage's messages to JMS messages and back. A body always goes out as a {@link BytesMessage}
 * holding the codec's bytes as they are (one AMQP data section; AMQP 0-9-1 consumers get the raw bytes).
 * The content type goes both into the AMQP {@code content-type} property (through Qpid JMS's AMQP facade:
 * JMS has no content type) and into the application property {@value #CONTENT_TYPE}, because brokers
 * rewrite the former when a message crosses to AMQP 0-9-1 and back. Headers become application properties.
 */
final class MessageMapper {
    /** The application property that carries the codec's content type. */
    static final String CONTENT_TYPE = "postage-content-type";
    /** What Qpid JMS writes for a {@link BytesMessage} whose content type nobody set. */
    private static final String OCTET_STREAM = "application/octet-stream";

    private MessageMapper() {
    }

    /**
     * @param session the session that will send it
     * @param message Postage's message
     * @param replyTo the AMQP reply address, already translated for the broker, if the message has one
     * @return the JMS message; the sender chooses its delivery mode
     * @throws JMSException if the client refuses a value
     * @throws IllegalArgumentException naming a header whose value JMS cannot carry
     */
    static BytesMessage toJms(Session session, OutgoingMessage message, Optional<String> replyTo) throws JMSException {
        BytesMessage jms = session.createBytesMessage();
        jms.writeBytes(message.body());
        MessageProperties properties = message.properties();
        for (Map.Entry<String, Object> header : properties.headers().entrySet()) {
            jms.setObjectProperty(header.getKey(), headerValue(header.getKey(), header.getValue()));
        }
        if (properties.contentType().isPresent()) {
            String contentType = properties.contentType().get();
            facade(jms).setContentType(Symbol.valueOf(contentType));
            jms.setStringProperty(CONTENT_TYPE, contentType);
        }
        if (properties.correlationId().isPresent()) {
            jms.setJMSCorrelationID(properties.correlationId().get());
        }
        if (replyTo.isPresent()) {
            jms.setJMSReplyTo(session.createQueue(replyTo.get()));
        }
        return jms;
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
            default -> throw new IllegalArgumentException("Header \"" + name + "\" holds a " + value.getClass().getName()
                    + ", a number AMQP 1.0 application properties cannot carry here; use a Long, a Double or a String");
        };
    }

    /**
     * @param message the message as received
     * @return its body: the bytes of a {@link BytesMessage}, the UTF-8 bytes of a {@link TextMessage}
     *     (Qpid JMS presents textual content types, {@code application/json} among them, as text)
     * @throws JMSException if the client cannot read it
     * @throws IllegalArgumentException if the body is neither bytes nor text
     */
    static byte[] body(Message message) throws JMSException {
        return switch (message) {
            case BytesMessage bytes -> {
                byte[] body = new byte[Math.toIntExact(bytes.getBodyLength())];
                bytes.readBytes(body);
                yield body;
            }
            case TextMessage text -> text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("the body is a " + message.getClass().getSimpleName()
                    + " (an AMQP value), not bytes or text");
        };
    }

    /**
     * @param message the message as received
     * @param dialect how the broker writes reply addresses
     * @return Postage's properties
     * @throws JMSException if the client cannot read them
     */
    static MessageProperties properties(Message message, Dialect dialect) throws JMSException {
        Map<String, Object> headers = new HashMap<>();
        String contentType = null;
        Enumeration<?> names = message.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            if (name.equals(CONTENT_TYPE)) {
                contentType = message.getStringProperty(name);
            } else if (!name.startsWith("JMS")) {
                Object value = message.getObjectProperty(name);
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    headers.put(name, value);
                }
            }
        }
        if (contentType == null) {
            contentType = amqpContentType(message);
        }
        return new MessageProperties(Optional.ofNullable(contentType),
                address(message.getJMSReplyTo()).map(dialect::receivedReplyTo),
                Optional.ofNullable(message.getJMSCorrelationID()), headers,
                message.getJMSDeliveryMode() == DeliveryMode.PERSISTENT);
    }

    private static String amqpContentType(Message message) {
        if (message instanceof JmsMessage jms && jms.getFacade() instanceof AmqpJmsMessageFacade amqp
                && amqp.getContentType() != null) {
            String contentType = amqp.getContentType().toString();
            return message instanceof BytesMessage && contentType.equals(OCTET_STREAM) ? null : contentType;
        }
        return null;
    }

    private static Optional<String> address(Destination destination) throws JMSException {
        return switch (destination) {
            case null -> Optional.empty();
            case Queue queue -> Optional.of(queue.getQueueName());
            case Topic topic -> Optional.of(topic.getTopicName());
            default -> Optional.of(destination.toString());
        };
    }

    private static AmqpJmsMessageFacade facade(Message message) {
        if (message instanceof JmsMessage jms && jms.getFacade() instanceof AmqpJmsMessageFacade amqp) {
            return amqp;
        }
        throw new IllegalStateException("Not a Qpid JMS AMQP message: " + message.getClass().getName());
    }
}
