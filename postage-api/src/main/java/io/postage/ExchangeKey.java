package io.postage;

import java.util.Objects;

/**
 * Where a producer publishes: an exchange and a routing key, one pair of Postage 1.x's {@code eks}.
 *
 * @param exchange the exchange
 * @param key the routing key
 */
public record ExchangeKey(Exchange exchange, String key) {
    /** Checks that nothing is null. */
    public ExchangeKey {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(key, "key");
    }
}
