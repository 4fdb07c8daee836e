package io.postage;

import java.io.Serial;

/**
 * Thrown by a {@link ContentFilter} that cannot accept a message: the handler it guards is skipped
 * for that message (other handlers still run), as in Postage 1.x.
 */
public final class FilterError extends PostageException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message why the filter refused the message */
    public FilterError(String message) {
        super(message);
    }
}
