package io.postage.codec.json.internal;

import io.postage.spi.DecodeLimits;
import io.postage.spi.Encoder;
import io.postage.spi.EncoderProvider;

/**
 * The default codec, id {@value #ID}: {@code application/json} on jackson-core's streaming API.
 *
 * {@snippet :
 * Encoder json = Providers.encoder("jackson").create(DecodeLimits.DEFAULT);
 * }
 */
public final class JacksonEncoderProvider implements EncoderProvider {

    /** The id users configure. */
    public static final String ID = "jackson";

    /** Called by {@link java.util.ServiceLoader}. */
    public JacksonEncoderProvider() {
    }

    /** @return {@value #ID} */
    @Override
    public String id() {
        return ID;
    }

    /**
     * @param limits what the decoder accepts
     * @return a thread-safe encoder
     */
    @Override
    public Encoder create(DecodeLimits limits) {
        return new JsonEncoder(ID, new JacksonBackend(limits), limits);
    }
}
