package io.postage;

import java.io.Serial;

/**
 * The broker could not be reached or refused the connection (wrong credentials, unknown vhost).
 * The message names the endpoint (never the password) and the reason in one sentence.
 */
public final class ConnectionException extends TransportException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message the endpoint and the reason
     * @param cause the client library's exception
     */
    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
