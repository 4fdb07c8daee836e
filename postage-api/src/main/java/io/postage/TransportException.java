package io.postage;

import java.io.Serial;

/** A broker operation failed: a declaration was refused, a publish could not be sent, a channel closed. */
public class TransportException extends PostageException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message the operation that failed and why */
    public TransportException(String message) {
        super(message);
    }

    /**
     * @param message the operation that failed and why
     * @param cause the client library's exception
     */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
