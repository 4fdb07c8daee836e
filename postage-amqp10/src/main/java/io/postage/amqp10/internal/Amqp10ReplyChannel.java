package io.postage.amqp10.internal;

import io.postage.spi.DeliveryHandler;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A reply channel over AMQP 1.0, {@link ReplyChannel.Kind#SHARED} and {@link ReplyChannel.Kind#PRIVATE}
 * alike: a queue of its own from the {@link Dialect} (a temporary queue where the broker has them, a
 * private queue declared through RabbitMQ's management API there), consumed with automatic
 * acknowledgement on a session of its own. Requests go out through the transport. Closing deletes the
 * queue, and with it any late reply.
 */
final class Amqp10ReplyChannel implements ReplyChannel {
    private static final System.Logger LOG = System.getLogger(Amqp10ReplyChannel.class.getName());

    private final Session session;
    private final Dialect dialect;
    private final ReplyQueue replies;
    private final Requests requests;
    private final Consumer<AutoCloseable> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Publishes a request through the transport. */
    @FunctionalInterface
    interface Requests {
        /**
         * @param exchange the exchange
         * @param routingKey the routing key
         * @param request the request, naming the reply address
         */
        void publish(String exchange, String routingKey, OutgoingMessage request);
    }

    private Amqp10ReplyChannel(Session session, Dialect dialect, ReplyQueue replies, Requests requests,
            Consumer<AutoCloseable> onClose) {
        this.session = session;
        this.dialect = dialect;
        this.onClose = onClose;
        this.replies = replies;
        this.requests = requests;
    }

    /**
     * @param connection the connection
     * @param dialect where the reply queue comes from
     * @param requests how requests are published
     * @param onReply receives the replies
     * @param onClose told when the channel closes
     * @return the reply channel, consuming
     * @throws JMSException if the broker refuses
     */
    static Amqp10ReplyChannel open(Connection connection, Dialect dialect, Requests requests, DeliveryHandler onReply,
            Consumer<AutoCloseable> onClose) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            ReplyQueue replies = dialect.openReplyQueue(session);
            Amqp10ReplyChannel channel = new Amqp10ReplyChannel(session, dialect, replies, requests, onClose);
            session.createConsumer(replies.source()).setMessageListener(message -> channel.deliver(onReply, message));
            return channel;
        } catch (JMSException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void deliver(DeliveryHandler onReply, Message message) {
        try {
            onReply.handle(new ReplyDelivery(MessageMapper.body(message), MessageMapper.properties(message, dialect),
                    replies.replyTo(), message.getJMSRedelivered()));
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "A reply on {0} cannot be read ({1}); it is dropped", replies.replyTo(),
                    JmsErrors.reason(e));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The handler of reply address " + replies.replyTo() + " failed; the reply is dropped", e);
        }
    }

    @Override
    public String replyTo() {
        return replies.replyTo();
    }

    @Override
    public void publish(String exchange, String routingKey, OutgoingMessage request) {
        requests.publish(exchange, routingKey, request);
    }

    /** Closes the consumer and deletes the queue; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            session.close();
            replies.release().run();
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Closing reply address {0}: {1}", replies.replyTo(), JmsErrors.reason(e));
        } finally {
            onClose.accept(this);
        }
    }
}
