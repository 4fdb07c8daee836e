package io.postage;

import java.io.Serial;

/**
 * The root of every exception Postage throws. It is unchecked: catch the precise subclass you can
 * handle ({@link DecodeException}, {@link ConfigurationException}, {@link TransportException}, ...).
 */
public class PostageException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, in one sentence that names the problem
     */
    public PostageException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, in one sentence that names the problem
     * @param cause the underlying failure
     */
    public PostageException(String message, Throwable cause) {
        super(message, cause);
    }
}
