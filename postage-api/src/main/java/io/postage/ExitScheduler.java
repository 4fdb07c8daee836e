package io.postage;

import java.io.Serial;

/**
 * Thrown from {@link MicroThread#step()} to stop the whole {@link MicroScheduler}: every microthread
 * finishes its current step, then {@link MicroScheduler#run()} returns. The built-in {@code quit}
 * command of a message processor throws it.
 */
public final class ExitScheduler extends PostageException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the signal. */
    public ExitScheduler() {
        super("exit scheduler", null);
    }

    /** @param message why the scheduler is asked to exit */
    public ExitScheduler(String message) {
        super(message);
    }
}
