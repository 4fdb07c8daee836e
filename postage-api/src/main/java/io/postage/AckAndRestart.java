package io.postage;

import java.io.Serial;

/**
 * Thrown by a handler to acknowledge the message and restart the component: the processor re-executes the JVM with the same command line (Postage 1.x's built-in {@code restart} command).
 */
public final class AckAndRestart extends PostageException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message why */
    public AckAndRestart(String message) {
        super(message);
    }
}
