package io.postage.codec.json.internal;

import io.postage.spi.DecodeLimits;
import io.postage.spi.Encoder;
import io.postage.spi.EncoderProvider;

/** The two codecs every behaviour is checked against. */
enum Codec {
    JACKSON(new JacksonEncoderProvider()),
    GSON(new GsonEncoderProvider());

    private final EncoderProvider provider;

    Codec(EncoderProvider provider) {
        this.provider = provider;
    }

    Encoder create() {
        return create(DecodeLimits.DEFAULT);
    }

    Encoder create(DecodeLimits limits) {
        return provider.create(limits);
    }

    /** @return the other codec, to compare output with */
    Codec other() {
        return this == JACKSON ? GSON : JACKSON;
    }

    @Override
    public String toString() {
        return provider.id();
    }
}
