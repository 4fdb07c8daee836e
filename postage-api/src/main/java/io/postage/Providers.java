package io.postage;

import io.postage.internal.ProviderRegistry;
import io.postage.spi.EncoderProvider;
import io.postage.spi.SchedulerProvider;
import io.postage.spi.TransportProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds the codecs, transports and schedulers on the module path or class path with
 * {@link ServiceLoader}, by their stable ids. Each kind is loaded once, on first use.
 *
 * {@snippet :
 * EncoderProvider jackson = Providers.encoder("jackson");
 * Set<String> transports = Providers.transportIds(); // [amqp091, amqp10]
 * }
 *
 * <p>Two providers with one id are refused; a missing id fails with a sentence that names the
 * artifact to add: {@code No transport "amqp10" found; add io.postage:postage-amqp10 to the module
 * path or class path (found: amqp091)}.
 */
public final class Providers {

    private Providers() {
    }

    /**
     * @param id a codec id such as {@code jackson}
     * @return the codec provider
     * @throws ProviderNotFoundException if no codec has that id
     */
    public static EncoderProvider encoder(String id) {
        return Encoders.REGISTRY.get(id);
    }

    /**
     * @param id a transport id such as {@code amqp091}
     * @return the transport provider
     * @throws ProviderNotFoundException if no transport has that id
     */
    public static TransportProvider transport(String id) {
        return Transports.REGISTRY.get(id);
    }

    /**
     * @param id a scheduler id such as {@code virtual-threads}
     * @return the scheduler provider
     * @throws ProviderNotFoundException if no scheduler has that id
     */
    public static SchedulerProvider scheduler(String id) {
        return Schedulers.REGISTRY.get(id);
    }

    /** @return the ids of the codecs found */
    public static Set<String> encoderIds() {
        return Encoders.REGISTRY.ids();
    }

    /** @return the ids of the transports found */
    public static Set<String> transportIds() {
        return Transports.REGISTRY.ids();
    }

    /** @return the ids of the schedulers found */
    public static Set<String> schedulerIds() {
        return Schedulers.REGISTRY.ids();
    }

    private static final class Encoders {
        static final ProviderRegistry<EncoderProvider> REGISTRY = new ProviderRegistry<>("codec",
                ServiceLoader.load(EncoderProvider.class), EncoderProvider::id, Map.of(
                        "jackson", "io.postage:postage-codec-json",
                        "gson", "io.postage:postage-codec-json"));
    }

    private static final class Transports {
        static final ProviderRegistry<TransportProvider> REGISTRY = new ProviderRegistry<>("transport",
                ServiceLoader.load(TransportProvider.class), TransportProvider::id, Map.of(
                        "amqp091", "io.postage:postage-amqp091",
                        "amqp10", "io.postage:postage-amqp10"));
    }

    private static final class Schedulers {
        static final ProviderRegistry<SchedulerProvider> REGISTRY = new ProviderRegistry<>("scheduler",
                ServiceLoader.load(SchedulerProvider.class), SchedulerProvider::id, Map.of(
                        "virtual-threads", "io.postage:postage-scheduler",
                        "cooperative", "io.postage:postage-scheduler"));
    }
}
