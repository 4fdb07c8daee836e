package io.postage;

import java.io.Serial;

/**
 * The broker cannot do what was asked (a queue argument only RabbitMQ knows, direct reply-to on a
 * broker without it, ...). Thrown before anything is sent, with a sentence naming the feature, the
 * broker, and what to do instead.
 */
public final class UnsupportedFeatureException extends PostageException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message the feature, the broker and the alternative */
    public UnsupportedFeatureException(String message) {
        super(message);
    }
}
