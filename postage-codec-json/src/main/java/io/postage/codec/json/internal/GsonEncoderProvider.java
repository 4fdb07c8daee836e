package io.postage.codec.json.internal;

import io.postage.ConfigurationException;
import io.postage.spi.DecodeLimits;
import io.postage.spi.Encoder;
import io.postage.spi.EncoderProvider;

/**
 * The codec with id {@value #ID}: {@code application/json} on Gson's streaming API, writing the same
 * bytes as {@code jackson}. Gson is an optional dependency: this class touches it only in
 * {@link #create(DecodeLimits)}, which fails with a {@link ConfigurationException} naming the artifact
 * when Gson is missing.
 */
public final class GsonEncoderProvider implements EncoderProvider {

    /** The id users configure. */
    public static final String ID = "gson";

    private static final String A_GSON_CLASS = "com.google.gson.stream.JsonReader";

    /** Called by {@link java.util.ServiceLoader}. */
    public GsonEncoderProvider() {
    }

    /** @return {@value #ID} */
    @Override
    public String id() {
        return ID;
    }

    /**
     * @param limits what the decoder accepts
     * @return a thread-safe encoder
     * @throws ConfigurationException if Gson is missing, or on the class path while this codec is on the module path
     */
    @Override
    public Encoder create(DecodeLimits limits) {
        requireReadableGson();
        return new JsonEncoder(ID, new GsonBackend(), limits);
    }

    private static void requireReadableGson() {
        Class<?> gson;
        try {
            gson = Class.forName(A_GSON_CLASS, false, GsonEncoderProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException("The \"gson\" codec needs Gson: add com.google.code.gson:gson to the "
                    + "class path, or to the module path with --add-modules com.google.gson", e);
        }
        Module codec = GsonEncoderProvider.class.getModule();
        if (!codec.canRead(gson.getModule())) {
            throw new ConfigurationException("The \"gson\" codec is on the module path but Gson is on the class path, "
                    + "where " + codec.getName() + " cannot read it: move com.google.code.gson:gson to the module "
                    + "path and add --add-modules com.google.gson");
        }
    }
}
