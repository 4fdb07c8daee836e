package io.postage.amqp091.internal;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import io.postage.ConnectionState;
import io.postage.spi.ConnectionStates;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds operations back while automatic recovery reopens a lost connection and declares its topology
 * again, so that they run on the recovered connection rather than fail; and tracks the connection's
 * {@link ConnectionState}: {@code RECOVERING} from the loss until the client reports its recovery
 * complete (connection, channels, topology, consumers), {@code CLOSED} once stopped. Qpid Broker-J closes the whole
 * connection for several errors (a refused declaration, a consumer on another connection's exclusive
 * queue): the operations that follow such an error wait here, a bounded time.
 */
final class RecoveryGate implements RecoveryListener {
    private static final Duration RECHECK = Duration.ofMillis(50);

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ConnectionStates states = new ConnectionStates();

    private RecoveryGate(Connection connection) {
        this.connection = connection;
    }

    /**
     * @param connection the connection; the gate listens to its losses and recoveries
     * @return the gate
     */
    static RecoveryGate on(Connection connection) {
        RecoveryGate gate = new RecoveryGate(connection);
        connection.addShutdownListener(gate::lost);
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(gate);
        }
        return gate;
    }

    /**
     * Waits until the connection is open and its recovery, if one runs, is complete; or until the limit,
     * an interruption or {@link #stop()}. The caller then goes on either way: on a connection still
     * down, its operation fails with the reason.
     *
     * @param limit how long to wait at most
     */
    void awaitOpen(Duration limit) {
        if (usable()) {
            return; // The usual case, without the lock: every publish passes here.
        }
        long deadline = System.nanoTime() + limit.toNanos();
        lock.lock();
        try {
            while (!usable() && states.state() != ConnectionState.CLOSED) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                // Woken by the listeners; the short period only guards against a change no listener reports.
                changed.awaitNanos(Math.min(left, RECHECK.toNanos()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private boolean usable() {
        return states.state() == ConnectionState.CONNECTED && connection.isOpen();
    }

    /** @return the connection's state and the listeners of its changes */
    ConnectionStates states() {
        return states;
    }

    /** Releases every waiting operation for good: the transport is closing. */
    void stop() {
        change(ConnectionState.CLOSED);
    }

    private void lost(ShutdownSignalException cause) {
        if (!cause.isInitiatedByApplication()) {
            change(ConnectionState.RECOVERING);
        }
    }

    @Override
    public void handleRecoveryStarted(Recoverable recoverable) {
        change(ConnectionState.RECOVERING);
    }

    @Override
    public void handleRecovery(Recoverable recoverable) {
        change(ConnectionState.CONNECTED);
    }

    /** Moves to a state (telling its listeners), then wakes the waiting operations to look at it. */
    private void change(ConnectionState next) {
        states.change(next);
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
