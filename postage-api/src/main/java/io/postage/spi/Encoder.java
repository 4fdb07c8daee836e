package io.postage.spi;

import java.util.Map;

/**
 * Turns a message's wire map into bytes and back. Implementations are thread-safe and stateless
 * between calls.
 *
 * <p>Contract for JSON encoders: output keys in map order, no insignificant whitespace, integers
 * written as integers, {@code Double} as {@link Double#toString(double)} prints it; input accepted
 * as any standard JSON (what Python's {@code json.dumps} writes), with no polymorphic typing.
 */
public interface Encoder {

    /** @return the content type written into message properties, such as {@code application/json} */
    String contentType();

    /**
     * @param wire a JSON object of {@code Map<String, ?>}, {@code List}, {@code String},
     *     {@code Number}, {@code Boolean} and {@code null} values
     * @return the encoded body
     * @throws IllegalArgumentException if a value is not JSON
     */
    byte[] encode(Map<String, ?> wire);

    /**
     * @param body the received bytes
     * @return the decoded JSON object, keys in body order; integers as {@code Integer}, {@code Long}
     *     or {@code BigInteger} by size, other numbers as {@code Double} (or {@code BigDecimal} when a
     *     {@code Double} would overflow); the caller owns it
     * @throws io.postage.DecodeException if the body is too large, not UTF-8, not JSON (unpaired
     *     surrogate escapes included), too deep, or not a JSON object
     */
    Map<String, Object> decode(byte[] body);
}
