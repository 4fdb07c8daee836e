package io.postage;

import java.io.Serial;

/**
 * No transport, codec or scheduler with the requested id is on the module path or class path.
 * The message names the artifact to add and the ids that were found.
 */
public final class ProviderNotFoundException extends ConfigurationException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message which provider is missing, the artifact that brings it and the ids found */
    public ProviderNotFoundException(String message) {
        super(message);
    }
}
