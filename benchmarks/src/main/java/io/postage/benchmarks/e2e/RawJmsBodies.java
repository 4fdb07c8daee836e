package io.postage.benchmarks.e2e;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

/** Reads and writes the bodies of the raw Qpid JMS variants: one data section, as Postage sends them. */
final class RawJmsBodies {
    private RawJmsBodies() {
    }

    /**
     * @param session the session to create the message on
     * @param body the body
     * @return a {@code BytesMessage} holding it
     * @throws JMSException if the session is closed
     */
    static BytesMessage write(Session session, byte[] body) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        return message;
    }

    /**
     * @param message a received message
     * @return its body
     * @throws JMSException if it cannot be read
     */
    static byte[] read(Message message) throws JMSException {
        return message.getBody(byte[].class);
    }
}
