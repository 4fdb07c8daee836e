package io.postage;

import java.io.Serial;

/** A setting is invalid (a malformed URI, a port out of range) or a required provider is missing. */
public class ConfigurationException extends PostageException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message the setting at fault and what is wrong with it */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message the setting at fault and what is wrong with it
     * @param cause the underlying failure
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
