package io.postage.amqp10.internal;

import io.postage.spi.OutgoingMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Sends messages for many threads: JMS sessions are single-threaded, so each send borrows a session
 * from a small pool. Each session keeps a producer (an AMQP link) per address it sent to, the most
 * recently used {@value #PRODUCERS_PER_SESSION}, since RabbitMQ offers no anonymous relay and a link per
 * message would be slow. A session that failed is closed rather than returned: a refused link closes the
 * whole session on RabbitMQ.
 *
 * <p>{@link #send} sends persistent messages synchronously (Qpid JMS waits for the broker's disposition),
 * others asynchronously. {@link #sendConfirmed} always sends asynchronously with a JMS 2
 * {@link CompletionListener}, so that many sends are in flight on a link and each completes with the
 * broker's disposition. A broker whose store refuses persistent messages (Qpid Broker-J's memory store)
 * gets the message again as non-persistent, and every later one too; that is logged once.
 */
final class Publisher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Publisher.class.getName());
    private static final int IDLE_SESSIONS = 8;
    private static final int PRODUCERS_PER_SESSION = 32;
    private static final String NON_DURABLE_STORE = "Non-durable message store cannot accept durable message";

    private final Connection connection;
    private final BlockingQueue<Sender> idle = new ArrayBlockingQueue<>(IDLE_SESSIONS);
    private volatile boolean persistentRefused;
    private volatile boolean closed;

    /** @param connection the connection to open sessions on */
    Publisher(Connection connection) {
        this.connection = connection;
    }

    /**
     * @param address the AMQP address to send to
     * @param message the message
     * @param replyTo the AMQP reply address to put in the message, if any
     * @throws JMSException if the broker refuses the link or the message, or the connection is lost
     */
    void send(String address, OutgoingMessage message, Optional<String> replyTo) throws JMSException {
        boolean persistent = message.properties().persistent() && !persistentRefused;
        try {
            send(address, message, replyTo, persistent, null);
        } catch (JMSException e) {
            if (!persistent || !refusesPersistent(e)) {
                throw e;
            }
            send(address, message, replyTo, false, null);
        }
    }

    /**
     * Sends without waiting and tells when the broker settled the message.
     *
     * @param address the AMQP address to send to
     * @param message the message
     * @param replyTo the AMQP reply address to put in the message, if any
     * @return completes when the broker accepted the message; fails with the client's exception when it
     *     rejected or released it, or the link or connection closed first
     * @throws JMSException if the message cannot be sent at all (the broker refuses the link, the connection is lost)
     */
    CompletableFuture<Void> sendConfirmed(String address, OutgoingMessage message, Optional<String> replyTo)
            throws JMSException {
        boolean persistent = message.properties().persistent() && !persistentRefused;
        CompletableFuture<Void> settled = sendAsync(address, message, replyTo, persistent);
        if (!persistent) {
            return settled;
        }
        // Sent again from another thread: Qpid JMS forbids using a session in its completion callbacks.
        return settled.exceptionallyComposeAsync(failure -> {
            if (!refusesPersistent(failure)) {
                return CompletableFuture.failedFuture(failure);
            }
            try {
                return sendAsync(address, message, replyTo, false);
            } catch (JMSException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    private CompletableFuture<Void> sendAsync(String address, OutgoingMessage message, Optional<String> replyTo,
            boolean persistent) throws JMSException {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        send(address, message, replyTo, persistent, new CompletionListener() {
            @Override
            public void onCompletion(Message sent) {
                settled.complete(null);
            }

            @Override
            public void onException(Message sent, Exception failure) {
                settled.completeExceptionally(failure);
            }
        });
        return settled;
    }

    private boolean refusesPersistent(Throwable failure) {
        if (failure.getMessage() == null || !failure.getMessage().contains(NON_DURABLE_STORE)) {
            return false;
        }
        if (!persistentRefused) {
            persistentRefused = true;
            LOG.log(Level.INFO, "The broker''s store refuses persistent messages ({0}): sending them as non-persistent",
                    JmsErrors.reason(failure));
        }
        return true;
    }

    private void send(String address, OutgoingMessage message, Optional<String> replyTo, boolean persistent,
            CompletionListener completion) throws JMSException {
        Sender sender = idle.poll();
        if (sender == null) {
            sender = new Sender(connection.createSession(false, Session.AUTO_ACKNOWLEDGE));
        }
        boolean sent = false;
        try {
            BytesMessage jms = MessageMapper.toJms(sender.session, message, replyTo);
            int mode = persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT;
            if (completion == null) {
                sender.producer(address).send(jms, mode, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            } else {
                sender.producer(address).send(jms, mode, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE,
                        completion);
            }
            sent = true;
        } finally {
            if (!sent || closed || !idle.offer(sender)) {
                sender.close();
            }
        }
    }

    /** Closes the idle sessions; idempotent. Sessions in use close after their send. */
    @Override
    public void close() {
        closed = true;
        for (Sender sender = idle.poll(); sender != null; sender = idle.poll()) {
            sender.close();
        }
    }

    /** A session and its producers by address, the least recently used closed beyond the limit. */
    private static final class Sender {
        final Session session;
        final Map<String, MessageProducer> producers = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MessageProducer> eldest) {
                if (size() <= PRODUCERS_PER_SESSION) {
                    return false;
                }
                try {
                    eldest.getValue().close();
                } catch (JMSException e) {
                    LOG.log(Level.DEBUG, "Closing the producer of {0}: {1}", eldest.getKey(), JmsErrors.reason(e));
                }
                return true;
            }
        };

        Sender(Session session) {
            this.session = session;
        }

        MessageProducer producer(String address) throws JMSException {
            MessageProducer producer = producers.get(address);
            if (producer == null) {
                producer = session.createProducer(session.createQueue(address));
                producers.put(address, producer);
            }
            return producer;
        }

        void close() {
            try {
                session.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.DEBUG, "Closing a publishing session: {0}", JmsErrors.reason(e));
            }
        }
    }
}
