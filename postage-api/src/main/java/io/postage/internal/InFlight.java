package io.postage.internal;

import io.postage.TransportException;
import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The delivery a processor's handlers are at work on, one at a time, so that a graceful shutdown can wait
 * for them and, at its deadline, give the message back to its queue; the handlers' late settlement is then
 * ignored (and logged) instead of failing on a closed connection. Once stopped, no delivery starts.
 *
 * <p>{@link #start(Delivery)} and {@link #end()} are called by the thread that runs the handlers,
 * {@link #stop(Duration)} by any thread. A {@link ReentrantLock}, so a virtual thread waiting here does not pin
 * its carrier.
 */
public final class InFlight {
    private static final System.Logger LOG = System.getLogger(InFlight.class.getName());

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    // Guarded by lock:
    private Tracked current;
    private Thread worker;
    private boolean stopped;

    /**
     * Starts work on a delivery, unless stopped.
     *
     * @param delivery the delivery taken from the queue
     * @return the delivery to hand to the handlers (settle that one, not the original), or empty once
     *     stopped: then the caller gives the delivery back
     */
    public Optional<Delivery> start(Delivery delivery) {
        lock.lock();
        try {
            if (stopped) {
                return Optional.empty();
            }
            current = new Tracked(delivery);
            worker = Thread.currentThread();
            return Optional.of(current);
        } finally {
            lock.unlock();
        }
    }

    /** Ends the work begun by {@link #start(Delivery)}, settled or not. */
    public void end() {
        lock.lock();
        try {
            current = null;
            worker = null;
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return whether the calling thread is the one at work on a delivery (a handler) */
    public boolean isWorking() {
        lock.lock();
        try {
            return worker == Thread.currentThread();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses new work, waits for the work in progress to end, and at the deadline gives its message back
     * to the queue. An interrupt ends the wait early as the deadline would, and stays set.
     *
     * @param timeout how long to wait
     * @return whether the work ended in time (or there was none)
     */
    public boolean stop(Duration timeout) {
        lock.lock();
        try {
            stopped = true;
            long nanos = TimeUnit.NANOSECONDS.convert(timeout);
            try {
                while (current != null && nanos > 0) {
                    nanos = idle.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (current == null) {
                return true;
            }
            current.giveBack();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** A delivery that the shutdown may take over from its handlers. */
    private static final class Tracked implements Delivery {
        private static final int OPEN = 0;
        private static final int SETTLED = 1;
        private static final int GIVEN_BACK = 2;

        private final Delivery delivery;
        private final AtomicInteger state = new AtomicInteger(OPEN);

        Tracked(Delivery delivery) {
            this.delivery = delivery;
        }

        @Override
        public byte[] body() {
            return delivery.body();
        }

        @Override
        public MessageProperties properties() {
            return delivery.properties();
        }

        @Override
        public String queue() {
            return delivery.queue();
        }

        @Override
        public boolean redelivered() {
            return delivery.redelivered();
        }

        @Override
        public void ack() {
            if (handlerMaySettle()) {
                delivery.ack();
            }
        }

        @Override
        public void reject(boolean requeue) {
            if (handlerMaySettle()) {
                delivery.reject(requeue);
            }
        }

        /** @return false if the shutdown gave the message back already (logged); true to settle it (again?) */
        private boolean handlerMaySettle() {
            if (state.compareAndSet(OPEN, SETTLED) || state.get() == SETTLED) {
                return true; // a second settlement fails in the delivery itself, as without tracking
            }
            LOG.log(Level.WARNING, "A handler finished a message from queue {0} after the shutdown timeout; it was"
                    + " given back to the queue already and will be delivered again", delivery.queue());
            return false;
        }

        void giveBack() {
            if (!state.compareAndSet(OPEN, GIVEN_BACK)) {
                return;
            }
            LOG.log(Level.WARNING, "The shutdown timeout passed with a handler still at work on a message from queue"
                    + " {0}; the message goes back to the queue", delivery.queue());
            try {
                delivery.reject(true);
            } catch (TransportException e) {
                LOG.log(Level.DEBUG, e.getMessage()); // the broker requeues it when the connection closes
            }
        }
    }
}
