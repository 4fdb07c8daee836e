package io.postage.benchmarks.e2e;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

/**
 * The consuming side of the raw Qpid JMS variants, set up as Postage's amqp10 transport does: a session in
 * individual-acknowledge mode, a listener on the queue that acknowledges each message after handling it.
 */
final class RawJmsConsumers {
    /** Qpid JMS's session mode that acknowledges each message on its own, as Postage's amqp10 transport does. */
    private static final int INDIVIDUAL_ACKNOWLEDGE = 101;

    private RawJmsConsumers() {
    }

    /** What a raw variant does with each message it consumes. */
    @FunctionalInterface
    interface Handler {
        /**
         * @param message the message received
         * @throws Exception if it cannot be handled
         */
        void handle(Message message) throws Exception;
    }

    /**
     * @param connection the consuming connection
     * @return a new session in individual-acknowledge mode
     * @throws JMSException if the connection is closed
     */
    static Session session(Connection connection) throws JMSException {
        return connection.createSession(false, INDIVIDUAL_ACKNOWLEDGE);
    }

    /**
     * Consumes the queue at {@code address} on {@code session}, acknowledging each message once handled; start
     * the connection afterwards.
     *
     * @param session a session from {@link #session(Connection)}
     * @param address the queue's address
     * @param failure what the {@link IllegalStateException} says when a message cannot be handled
     * @param handler what to do with each message
     * @throws JMSException if the session is closed
     */
    static void consume(Session session, String address, String failure, Handler handler) throws JMSException {
        session.createConsumer(session.createQueue(address)).setMessageListener(message -> {
            try {
                handler.handle(message);
                message.acknowledge();
            } catch (Exception e) {
                throw new IllegalStateException(failure, e);
            }
        });
    }
}
