package io.postage.benchmarks.publish;

import io.postage.PostageConfig;
import io.postage.spi.Transport;
import io.postage.spi.TransportProvider;

/**
 * Transport {@value #ID}: a {@link DiscardingTransport}, so that {@link PublishBenchmark} runs a real
 * {@code Producer} without a network.
 */
public final class DiscardingTransportProvider implements TransportProvider {
    /** The transport id to configure. */
    public static final String ID = "benchmark-discard";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Transport connect(PostageConfig config, String connectionName) {
        return new DiscardingTransport();
    }
}
