package io.postage.demos;

import io.postage.PostageConfig;
import io.postage.ProcessorSettings;

/**
 * Where a demo's broker is, and through which transport its components talk.
 *
 * @param config the broker and the transport the user chose
 */
public record DemoContext(PostageConfig config) {

    /**
     * @param transport a transport id
     * @return the same broker through that transport
     */
    public PostageConfig config(String transport) {
        return config.toBuilder().transport(transport).build();
    }

    /** @return processor settings for the chosen broker and transport */
    public ProcessorSettings settings() {
        return ProcessorSettings.of(config);
    }
}
