package io.postage.spi;

/**
 * Creates {@link Encoder}s. Registered as a service; selected by {@link #id()} through
 * {@code PostageConfig.codec()}.
 */
public interface EncoderProvider {

    /** @return the stable id users configure, such as {@code jackson} or {@code gson} */
    String id();

    /**
     * @param limits what the decoder accepts
     * @return a thread-safe encoder
     * @throws io.postage.ConfigurationException if a library the encoder needs is missing
     */
    Encoder create(DecodeLimits limits);
}
