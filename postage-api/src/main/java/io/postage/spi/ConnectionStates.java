package io.postage.spi;

import io.postage.ConnectionState;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A transport's {@link ConnectionState} and the listeners of its changes: what a {@link Transport}
 * implementation holds to answer {@link Transport#state()} and {@link Transport#onStateChange(Consumer)}.
 * It starts {@link ConnectionState#CONNECTED}; {@link ConnectionState#CLOSED} is final. Thread-safe.
 */
public final class ConnectionStates {
    private static final System.Logger LOG = System.getLogger(ConnectionStates.class.getName());

    private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
    /** Written under this object's lock, read without it (every publish of a transport may read it). */
    private volatile ConnectionState state = ConnectionState.CONNECTED;

    /** A connected state, with no listener yet. */
    public ConnectionStates() {
    }

    /** @return the current state */
    public ConnectionState state() {
        return state;
    }

    /** @param listener told each later change of state, on the thread that changes it; it should return quickly */
    public void add(Consumer<ConnectionState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Moves to a state and tells the listeners, unless it is the current state or the state is already
     * {@link ConnectionState#CLOSED}. A listener that throws is logged and does not stop the others.
     *
     * @param next the new state
     */
    public void change(ConnectionState next) {
        synchronized (this) {
            if (state == next || state == ConnectionState.CLOSED) {
                return;
            }
            state = next;
        }
        LOG.log(next == ConnectionState.RECOVERING ? Level.WARNING : Level.DEBUG, "Connection state: {0}", next);
        for (Consumer<ConnectionState> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A connection state listener failed on " + next, e);
            }
        }
    }
}
