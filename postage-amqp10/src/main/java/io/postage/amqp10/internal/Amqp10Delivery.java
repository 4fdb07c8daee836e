package io.postage.amqp10.internal;

import io.postage.TransportException;
import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A message from a subscription, settled individually with an AMQP 1.0 outcome: {@link #ack()} accepts
 * it, {@link #reject(boolean) reject(true)} releases it (the broker delivers it again), {@code reject(false)}
 * settles it with the queue's {@link Dialect#refusal(String) refusal} (dropped or dead-lettered). Settling
 * may happen on any thread, once; a second settlement throws {@link IllegalStateException}. The outcome
 * is handed to the subscription, which sends it from the session's delivery thread when that is at work
 * (see {@link Amqp10Subscription}); a failure to send it (a lost connection) is logged, and the broker
 * delivers the message again.
 *
 * <p>When its subscription closes first, the subscription releases it (Qpid JMS would otherwise settle it
 * as {@code modified}, which RabbitMQ answers by closing the session and Qpid Broker-J counts as a failed
 * delivery): then {@code reject(true)} has happened already and does nothing, while {@code ack()} and
 * {@code reject(false)} throw a {@link TransportException}.
 */
final class Amqp10Delivery implements Delivery {
    private static final System.Logger LOG = System.getLogger(Amqp10Delivery.class.getName());

    private final Amqp10Subscription subscription;
    private final Message message;
    private final byte[] body;
    private final MessageProperties properties;
    private final boolean redelivered;
    /** Whether the handler settled it (or tried to). */
    private final AtomicBoolean claimed = new AtomicBoolean();
    /** Whether an outcome went to the broker, from the handler or from the closing subscription. */
    private final AtomicBoolean sent = new AtomicBoolean();

    /**
     * @param subscription where it came from
     * @param message the JMS message, to settle
     * @param body the body
     * @param properties the properties
     * @param redelivered whether the broker delivered it before
     */
    Amqp10Delivery(Amqp10Subscription subscription, Message message, byte[] body, MessageProperties properties,
            boolean redelivered) {
        this.subscription = subscription;
        this.message = message;
        this.body = body;
        this.properties = properties;
        this.redelivered = redelivered;
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public MessageProperties properties() {
        return properties;
    }

    @Override
    public String queue() {
        return subscription.queue();
    }

    @Override
    public boolean redelivered() {
        return redelivered;
    }

    /**
     * @throws IllegalStateException if the delivery is already settled
     * @throws TransportException if the subscription is closed (the broker then requeues the message)
     */
    @Override
    public void ack() {
        claim("ack");
        settle("ack", Disposition.ACCEPTED);
    }

    /**
     * @throws IllegalStateException if the delivery is already settled
     * @throws TransportException if the subscription is closed and {@code requeue} is false (the broker requeues
     *     the message)
     */
    @Override
    public void reject(boolean requeue) {
        claim("reject");
        if (requeue && subscription.isClosed()) {
            return; // the closing subscription gave it back
        }
        if (requeue) {
            subscription.releases().released(messageId());
        }
        settle("reject", requeue ? Disposition.RELEASED : subscription.refusal());
    }

    /**
     * Rejects without requeueing, unless the delivery is settled already.
     *
     * @return whether this call settled it
     */
    boolean rejectIfUnsettled() {
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        settle("reject", subscription.refusal());
        return true;
    }

    /** Gives the message back to the broker unless an outcome was sent already; for the closing subscription. */
    void releaseUnlessSettled() {
        if (sent.compareAndSet(false, true)) {
            subscription.releases().released(messageId());
            releaseQuietly();
        }
    }

    /** Gives back a message the handler never saw; its next delivery is not a redelivery to Postage. */
    void giveBack() {
        claimed.set(true);
        sent.set(true);
        releaseQuietly();
    }

    private void releaseQuietly() {
        try {
            acknowledge(Disposition.RELEASED);
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Releasing a delivery from queue {0}: {1}", queue(), JmsErrors.reason(e));
        }
    }

    private String messageId() {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return null;
        }
    }

    private void claim(String how) {
        if (!claimed.compareAndSet(false, true)) {
            throw new IllegalStateException("Cannot " + how + " a delivery from queue '" + queue()
                    + "': it is settled already (ack or reject, once)");
        }
    }

    private void settle(String how, Disposition disposition) {
        if (subscription.isClosed() || !sent.compareAndSet(false, true)) {
            throw new TransportException(cannot(how) + ": its subscription is closed; the broker puts the message"
                    + " back in the queue");
        }
        subscription.settle(this, disposition);
    }

    /**
     * Sends the outcome the handler chose, for the subscription; a failure (the session or connection is
     * gone) is logged: the broker then delivers the message again.
     *
     * @param disposition the outcome
     */
    void send(Disposition disposition) {
        try {
            acknowledge(disposition);
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "{0}: {1}; the broker delivers it again",
                    cannot(disposition == Disposition.ACCEPTED ? "ack" : "reject"), JmsErrors.reason(e));
        }
    }

    private String cannot(String how) {
        return "Cannot " + how + " a delivery from queue '" + queue() + "'";
    }

    private void acknowledge(Disposition disposition) throws JMSException {
        message.setIntProperty(Disposition.ACK_TYPE, disposition.ackType());
        message.acknowledge();
    }
}
