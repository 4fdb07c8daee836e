package io.postage.amqp10.internal;

import io.postage.TransportException;
import io.postage.spi.DeliveryHandler;
import io.postage.spi.MessageProperties;
import io.postage.spi.Subscription;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A consumer on a session of its own, in Qpid JMS's individual-acknowledge mode, with a
 * {@link jakarta.jms.MessageListener}: the client calls the handler for one delivery at a time.
 *
 * <p>Prefetch: the handler holds at most prefetch unsettled deliveries; the listener waits for room before it
 * hands over the next one. The link's credit is the prefetch too, but Qpid JMS grants credit again as it
 * hands a message to the listener, not as it is settled, so up to prefetch more may wait in the client: at
 * most twice the prefetch is unsettled, and a busy consumer keeps what waits in its client from an idle
 * one. (Giving such messages back to the broker would free them, but reorders the queue.)
 *
 * <p>Settlement: an outcome chosen on another thread is queued, and the session's delivery thread sends it
 * when it is at work (before it hands over the next delivery and after the handler returned), where Qpid
 * JMS's provider handles it together with the delivery, as a raw consumer acknowledging in its listener
 * would; when the delivery thread is idle, the settling thread sends the queued outcomes itself. (Each
 * {@code acknowledge()} is a task on the provider's event loop that the caller waits for: sent from the
 * processor's threads one by one they cost the provider twice the work of a raw consumer; see ADR 0015.)
 *
 * <p>A handler that throws gets its delivery rejected without requeueing, unless it settled it. Cancelling
 * stops the listener and keeps the session open for the settlements to come (what arrives meanwhile waits in
 * the client, or is given back); closing releases the unsettled deliveries (the broker delivers them again)
 * and closes the session.
 */
final class Amqp10Subscription implements Subscription {
    private static final System.Logger LOG = System.getLogger(Amqp10Subscription.class.getName());
    /** Qpid JMS's session mode that acknowledges each message on its own, with the outcome it names. */
    private static final int INDIVIDUAL_ACKNOWLEDGE = 101;

    private final String queue;
    private final Session session;
    private final Consuming consuming;
    private final Disposition refusal;
    private final Semaphore unsettled;
    private final Set<Amqp10Delivery> pending = ConcurrentHashMap.newKeySet();
    /** Outcomes chosen and not sent yet, sent by whoever holds {@link #dispatching}. */
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    /** Held while the listener handles a message (so that closing can wait for it) and while outcomes are sent. */
    private final ReentrantLock dispatching = new ReentrantLock();
    private final Consumer<AutoCloseable> onClose;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private MessageConsumer consumer;

    private Amqp10Subscription(String queue, Session session, Consuming consuming, Disposition refusal, int prefetch,
            Consumer<AutoCloseable> onClose) {
        this.queue = queue;
        this.session = session;
        this.consuming = consuming;
        this.refusal = refusal;
        this.unsettled = new Semaphore(prefetch);
        this.onClose = onClose;
    }

    /**
     * @param consuming the connection and what the transport's subscriptions share
     * @param queue the queue's name
     * @param prefetch how many deliveries the handler may hold unsettled
     * @param handler receives the deliveries
     * @param onClose told when the subscription closes
     * @return the running subscription
     * @throws JMSException naming the broker's reason if it refuses (a missing queue)
     * @throws TransportException if the dialect finds the queue missing
     */
    static Amqp10Subscription start(Consuming consuming, String queue, int prefetch, DeliveryHandler handler,
            Consumer<AutoCloseable> onClose) throws JMSException {
        String address = consuming.dialect().consumeAddress(queue);
        Disposition refusal = consuming.dialect().refusal(queue);
        Session session = consuming.connection().createSession(false, INDIVIDUAL_ACKNOWLEDGE);
        Amqp10Subscription subscription = new Amqp10Subscription(queue, session, consuming, refusal, prefetch, onClose);
        try {
            consuming.prefetch().set(session, prefetch);
            subscription.consumer = session.createConsumer(session.createQueue(address));
            subscription.consumer.setMessageListener(message -> subscription.deliver(handler, message));
            return subscription;
        } catch (JMSException | RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    private void deliver(DeliveryHandler handler, Message message) {
        dispatching.lock();
        try {
            dispatch(handler, message);
            sendOutcomes();
        } finally {
            dispatching.unlock();
        }
        sendOutcomesIfIdle();
    }

    private void dispatch(DeliveryHandler handler, Message message) {
        Amqp10Delivery delivery;
        try {
            boolean redelivered = message.getJMSRedelivered()
                    || consuming.releases().wasReleased(message.getJMSMessageID());
            delivery = new Amqp10Delivery(this, message, MessageMapper.body(message),
                    MessageMapper.properties(message, consuming.dialect()), redelivered);
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "Queue ''{0}'' delivered a message that cannot be read ({1}); it is rejected",
                    queue, e instanceof JMSException ? JmsErrors.reason(e) : e.getMessage());
            new Amqp10Delivery(this, message, new byte[0], MessageProperties.NONE, false).rejectIfUnsettled();
            return;
        }
        if (!awaitRoom() || cancelled.get()) {
            delivery.giveBack(); // cancelled or closing: the broker gets it back
            return;
        }
        sendOutcomes(); // those that made room, before the next delivery
        pending.add(delivery);
        try {
            handler.handle(delivery);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The handler of queue '" + queue + "' failed; the delivery is rejected unless it was"
                    + " settled", e);
            try {
                delivery.rejectIfUnsettled();
            } catch (TransportException rejectFailed) {
                LOG.log(Level.DEBUG, rejectFailed.getMessage());
            }
        }
    }

    /** @return whether the handler has room for one more unsettled delivery (false if interrupted) */
    private boolean awaitRoom() {
        try {
            unsettled.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Queues a delivery's outcome and makes room for one more unsettled delivery; sends the queued outcomes
     * unless the delivery thread is at work (it sends them itself, soon).
     *
     * @param delivery the delivery the handler settled
     * @param disposition its outcome
     */
    void settle(Amqp10Delivery delivery, Disposition disposition) {
        outcomes.add(new Outcome(delivery, disposition));
        if (pending.remove(delivery)) {
            unsettled.release();
        }
        sendOutcomesIfIdle();
    }

    /**
     * Sends the queued outcomes if no other thread is at work here (on the delivery thread, reentrant: at
     * once). Whoever lets go of {@link #dispatching} calls it again, so no outcome is left behind.
     */
    private void sendOutcomesIfIdle() {
        while (!outcomes.isEmpty() && dispatching.tryLock()) {
            try {
                sendOutcomes();
            } finally {
                dispatching.unlock();
            }
        }
    }

    /** Sends the queued outcomes; with {@link #dispatching} held. */
    private void sendOutcomes() {
        for (Outcome outcome = outcomes.poll(); outcome != null; outcome = outcomes.poll()) {
            outcome.delivery().send(outcome.disposition());
        }
    }

    /** @return the messages given back, to mark their next delivery as redelivered */
    RecentReleases releases() {
        return consuming.releases();
    }

    /** @return how a delivery of this queue is settled to drop or dead-letter it */
    Disposition refusal() {
        return refusal;
    }

    /** @return whether the subscription is closed */
    boolean isClosed() {
        return closed.get();
    }

    @Override
    public String queue() {
        return queue;
    }

    /**
     * Stops the dispatch: wakes a listener waiting for room (it then gives its message back) and removes the
     * listener, waiting for one at work; the session stays open, so the deliveries received can still be
     * settled. Idempotent.
     */
    @Override
    public void cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        unsettled.release(Integer.MAX_VALUE / 2);
        try {
            if (consumer != null) {
                consumer.setMessageListener(null); // waits for a listener at work
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Cancelling the subscription of queue ''{0}'': {1}", queue, JmsErrors.reason(e));
        }
    }

    /**
     * Stops the dispatch ({@link #cancel()}), gives the unsettled deliveries back (released: the broker delivers them again),
     * closes the consumer and its session; idempotent.
     *
     * <p>The order matters. Qpid JMS settles a delivery that reached the listener and is still unsettled
     * when its session closes as {@code modified}, which Qpid Broker-J counts as a failed delivery attempt
     * and RabbitMQ answers by closing the session; so the listener goes first (what arrives later waits in
     * the client), then the deliveries still with the handler are released, then the consumer's link is
     * closed, which gives back what waits in the client. A session ended with its links still open would
     * leave their unsettled messages with the broker's detached link instead of the queue.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        cancel();
        try {
            dispatching.lock();
            try {
                sendOutcomes();
                pending.forEach(Amqp10Delivery::releaseUnlessSettled);
            } finally {
                dispatching.unlock();
            }
            sendOutcomesIfIdle(); // queued by a handler racing with the closing
            if (consumer != null) {
                consumer.close();
            }
            session.close();
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Closing the subscription of queue ''{0}'': {1}", queue, JmsErrors.reason(e));
        } finally {
            consuming.prefetch().forget(session);
            onClose.accept(this);
        }
    }

    /**
     * An outcome waiting to be sent.
     *
     * @param delivery the delivery
     * @param disposition how to settle it
     */
    private record Outcome(Amqp10Delivery delivery, Disposition disposition) {
    }
}
