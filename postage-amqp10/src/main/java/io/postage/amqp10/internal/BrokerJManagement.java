package io.postage.amqp10.internal;

import io.postage.ConnectionException;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A client of Qpid Broker-J's AMQP management node, {@value #NODE} (AMQP Management, as Broker-J's
 * {@code qpid-broker-plugins-management-amqp} implements it for each virtual host). A request is a message
 * to the node whose application properties name the entity {@code type} (such as
 * {@code org.apache.qpid.Queue}), the {@code operation} ({@code CREATE}, {@code READ}, {@code DELETE}, or an
 * entity's own operation such as {@code bind}) and, for an existing entity, {@code index=object-path} and
 * {@code key=<name>}; the other application properties are the operation's parameters, and a map body
 * holds a new entity's attributes. The answer goes to the request's {@code reply-to} (a temporary queue
 * here) with the request's message id as its correlation id, and carries {@code statusCode} (HTTP-like:
 * 200, 201, 204, 404, 409, ...) and {@code statusDescription} properties. Requests are sent one at a time.
 */
final class BrokerJManagement implements AutoCloseable {
    /** The management node's address. */
    static final String NODE = "$management";

    private final Session session;
    private final MessageProducer producer;
    private final TemporaryQueue replies;
    private final MessageConsumer consumer;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * The answer to a request.
     *
     * @param status the {@code statusCode}
     * @param description the {@code statusDescription}, empty on success
     * @param body the answer's map body (an entity's attributes), empty if it has none
     */
    record Answer(int status, String description, Map<String, Object> body) {
        /** @return whether the status is a 2xx success */
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private BrokerJManagement(Session session, MessageProducer producer, TemporaryQueue replies, MessageConsumer consumer) {
        this.session = session;
        this.producer = producer;
        this.replies = replies;
        this.consumer = consumer;
    }

    /**
     * @param connection the AMQP connection, on which the client opens a session of its own
     * @param display the endpoint, for messages
     * @return the client
     * @throws ConnectionException in one sentence naming the plugin to add, if the broker has no management node
     */
    static BrokerJManagement open(Connection connection, String display) {
        Session session = null;
        try {
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(NODE));
            TemporaryQueue replies = session.createTemporaryQueue();
            return new BrokerJManagement(session, producer, replies, session.createConsumer(replies));
        } catch (JMSException e) {
            closeQuietly(session);
            throw new ConnectionException("Cannot use Qpid Broker-J's AMQP management node " + NODE + " at " + display
                    + " (" + JmsErrors.reason(e) + "), which the AMQP 1.0 transport needs to declare queues and bindings;"
                    + " add the plugin org.apache.qpid:qpid-broker-plugins-management-amqp to the broker", e);
        }
    }

    /**
     * @param type the entity type, such as {@code org.apache.qpid.Queue}
     * @param operation the operation
     * @param name the entity's name, for an operation on an existing entity
     * @param parameters the operation's parameters, as application properties
     * @param attributes a new entity's attributes, as the map body; string, number and boolean values
     * @return the answer
     * @throws JMSException if the request cannot be sent or no answer comes within the request timeout
     */
    Answer call(String type, String operation, Optional<String> name, Map<String, Object> parameters,
            Map<String, Object> attributes) throws JMSException {
        lock.lock();
        try {
            MapMessage request = session.createMapMessage();
            request.setStringProperty("type", type);
            request.setStringProperty("operation", operation);
            if (name.isPresent()) {
                request.setStringProperty("index", "object-path");
                request.setStringProperty("key", name.get().replace("\\", "\\\\").replace("/", "\\/"));
            }
            for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
                request.setObjectProperty(parameter.getKey(), parameter.getValue());
            }
            for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
                request.setObject(attribute.getKey(), attribute.getValue());
            }
            request.setJMSReplyTo(replies);
            // Broker-J's memory store refuses persistent messages, and these need no persistence anyway.
            producer.send(request, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            return answer(request);
        } finally {
            lock.unlock();
        }
    }

    private Answer answer(Message request) throws JMSException {
        String id = withoutPrefix(request.getJMSMessageID());
        long deadline = System.nanoTime() + Endpoint.TIMEOUT_MILLIS * 1_000_000L;
        for (long left = Endpoint.TIMEOUT_MILLIS; left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            Message answer = consumer.receive(left);
            if (answer == null) {
                break;
            }
            if (id.equals(withoutPrefix(answer.getJMSCorrelationID()))) {
                Object status = answer.getObjectProperty("statusCode");
                String description = answer.getStringProperty("statusDescription");
                return new Answer(status instanceof Number number ? number.intValue() : 500,
                        description == null ? "" : description, body(answer));
            }
        }
        throw new JMSException("Qpid Broker-J's management node did not answer within "
                + Endpoint.TIMEOUT_MILLIS / 1000 + " s");
    }

    /** Qpid JMS writes message ids with an {@code ID:} prefix that may or may not come back. */
    private static String withoutPrefix(String id) {
        return id == null ? "" : id.startsWith("ID:") ? id.substring(3) : id;
    }

    private static Map<String, Object> body(Message answer) throws JMSException {
        if (!(answer instanceof MapMessage map)) {
            return Map.of();
        }
        Map<String, Object> body = new HashMap<>();
        Enumeration<?> names = map.getMapNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            body.put(name, map.getObject(name));
        }
        return body;
    }

    /** Closes the session, the temporary queue with it; idempotent. */
    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(Session session) {
        if (session != null) {
            try {
                session.close();
            } catch (JMSException | RuntimeException e) {
                System.getLogger(BrokerJManagement.class.getName()).log(System.Logger.Level.DEBUG,
                        "Closing the management session: {0}", JmsErrors.reason(e));
            }
        }
    }
}
