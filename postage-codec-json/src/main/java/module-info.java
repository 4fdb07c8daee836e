/**
 * The JSON codecs of Postage: {@code jackson} (the default, on jackson-core's streaming API) and
 * {@code gson} (on Gson's streaming API; Gson is optional and only needed when this codec is chosen).
 *
 * <p>Exports nothing: pick a codec by id through {@code PostageConfig.codec()} or
 * {@code io.postage.Providers.encoder("jackson")}. Both codecs write byte-identical bodies and decode
 * with the same limits, the same number policy and the same errors.
 */
module io.postage.codec.json {
    requires io.postage;
    requires com.fasterxml.jackson.core;
    requires static com.google.gson;

    provides io.postage.spi.EncoderProvider with
            io.postage.codec.json.internal.JacksonEncoderProvider,
            io.postage.codec.json.internal.GsonEncoderProvider;
}
