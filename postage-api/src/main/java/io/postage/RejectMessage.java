package io.postage;

import java.io.Serial;

/**
 * Thrown by a handler or a filter to refuse the message: the delivery is rejected without requeue (dead-lettered where the queue has a dead-letter exchange) and no further handler runs.
 */
public final class RejectMessage extends PostageException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message why */
    public RejectMessage(String message) {
        super(message);
    }
}
