package io.postage;

/**
 * The state of a component's connection to the broker, as {@link Producer#state()} and
 * {@link MessageProcessor#state()} report it and their state listeners receive it.
 *
 * {@snippet :
 * producer.onStateChange(state -> log.log(Level.INFO, "broker connection: " + state));
 * }
 */
public enum ConnectionState {
    /** Connected: operations run at once. */
    CONNECTED,
    /**
     * The connection was lost and is being reopened (with the {@link RecoveryPolicy}'s backoff); operations
     * wait for it a bounded time, then fail with a {@link TransportException}.
     */
    RECOVERING,
    /** Closed by the application, or not connected yet: operations fail. */
    CLOSED
}
