/**
 * The Postage API: the programming model (messages, fingerprints, exchanges, queues, handlers,
 * microthreads), the wire format, and the SPIs that transports, codecs and schedulers implement.
 *
 * <p>Depends on {@code java.base} only. Providers are found with {@link java.util.ServiceLoader}.
 */
module io.postage {
    exports io.postage;
    exports io.postage.spi;

    uses io.postage.spi.EncoderProvider;
    uses io.postage.spi.TransportProvider;
    uses io.postage.spi.SchedulerProvider;
}
