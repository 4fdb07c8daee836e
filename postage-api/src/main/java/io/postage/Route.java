package io.postage;

import java.util.List;
import java.util.Objects;

/**
 * Overrides where one call of a {@link Producer} publishes: Postage 1.x's {@code _key} and
 * {@code _eks} keyword arguments.
 *
 * {@snippet :
 * producer.message("echo", params, Route.key("echo-fanout"));          // _key: first exchange, other key
 * producer.message("echo", params, Route.eks(new ExchangeKey(LOGS, ""))); // _eks: replace all pairs
 * }
 */
public final class Route {
    private static final Route DEFAULTS = new Route(null, List.of());

    private final String key;
    private final List<ExchangeKey> eks;

    private Route(String key, List<ExchangeKey> eks) {
        this.key = key;
        this.eks = List.copyOf(eks);
    }

    /** @return the producer's own exchange/key pairs */
    public static Route defaults() {
        return DEFAULTS;
    }

    /**
     * @param key a routing key
     * @return the producer's first exchange with this key ({@code _key})
     */
    public static Route key(String key) {
        return new Route(Objects.requireNonNull(key, "key"), List.of());
    }

    /**
     * @param exchange an exchange
     * @param key a routing key
     * @return that one pair instead of the producer's ({@code _eks})
     */
    public static Route to(Exchange exchange, String key) {
        return eks(new ExchangeKey(exchange, key));
    }

    /**
     * @param eks exchange/key pairs, at least one
     * @return those pairs instead of the producer's ({@code _eks})
     */
    public static Route eks(ExchangeKey... eks) {
        return eks(List.of(eks));
    }

    /**
     * @param eks exchange/key pairs, at least one
     * @return those pairs instead of the producer's ({@code _eks})
     */
    public static Route eks(List<ExchangeKey> eks) {
        if (eks.isEmpty()) {
            throw new IllegalArgumentException("Route.eks needs at least one exchange/key pair");
        }
        return new Route(null, eks);
    }

    /**
     * Resolves the pairs to publish to, as Postage 1.x does: {@code _key} wins, then {@code _eks},
     * then the producer's own pairs.
     *
     * @param defaults the producer's pairs
     * @return the pairs for this call; empty if it needs the defaults and there are none
     */
    List<ExchangeKey> resolve(List<ExchangeKey> defaults) {
        if (key != null) {
            if (defaults.isEmpty()) {
                return List.of();
            }
            return List.of(new ExchangeKey(defaults.get(0).exchange(), key));
        }
        return eks.isEmpty() ? defaults : eks;
    }

    @Override
    public String toString() {
        return key != null ? "Route[key=" + key + "]" : eks.isEmpty() ? "Route[defaults]" : "Route[eks=" + eks + "]";
    }
}
