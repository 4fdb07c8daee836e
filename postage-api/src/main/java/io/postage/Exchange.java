package io.postage;

import io.postage.internal.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * An exchange declaration, kept as a constant that producers and processors share. The defaults
 * are Postage 1.x's: durable, not auto-deleted, not passive.
 *
 * {@snippet :
 * public final class EchoShared {
 *     public static final Exchange ECHO = Exchange.direct("echo-exchange");
 *     public static final Exchange EVENTS = Exchange.topic("events").withDurable(false);
 * }
 * }
 *
 * @param name the exchange name ({@code ""} is the broker's default exchange)
 * @param type how it routes
 * @param passive only check that it exists, never create it
 * @param durable survive a broker restart
 * @param autoDelete delete it when its last binding goes
 * @param arguments broker-specific arguments, immutable
 */
public record Exchange(String name, ExchangeType type, boolean passive, boolean durable, boolean autoDelete,
        Map<String, Object> arguments) {

    /** The broker's default exchange: every queue is bound to it by its own name. RPC replies go here. */
    public static final Exchange DEFAULT = new Exchange("", ExchangeType.DIRECT, false, true, false, Map.of());

    /** Checks the values and makes the arguments immutable. */
    public Exchange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        arguments = JsonValues.freezeObject(arguments, "arguments");
    }

    /**
     * @param name the exchange name
     * @return a durable direct exchange
     */
    public static Exchange direct(String name) {
        return of(name, ExchangeType.DIRECT);
    }

    /**
     * @param name the exchange name
     * @return a durable topic exchange
     */
    public static Exchange topic(String name) {
        return of(name, ExchangeType.TOPIC);
    }

    /**
     * @param name the exchange name
     * @return a durable fanout exchange
     */
    public static Exchange fanout(String name) {
        return of(name, ExchangeType.FANOUT);
    }

    /**
     * @param name the exchange name
     * @return a durable headers exchange
     */
    public static Exchange headers(String name) {
        return of(name, ExchangeType.HEADERS);
    }

    /**
     * @param name the exchange name
     * @param type how it routes
     * @return a durable, not auto-deleted, not passive exchange
     */
    public static Exchange of(String name, ExchangeType type) {
        return new Exchange(name, type, false, true, false, Map.of());
    }

    /** @return whether this is the broker's default exchange {@code ""} */
    public boolean isDefault() {
        return name.isEmpty();
    }

    /**
     * @param passive whether to only check that the exchange exists
     * @return a copy with that setting
     */
    public Exchange withPassive(boolean passive) {
        return new Exchange(name, type, passive, durable, autoDelete, arguments);
    }

    /**
     * @param durable whether the exchange survives a broker restart
     * @return a copy with that setting
     */
    public Exchange withDurable(boolean durable) {
        return new Exchange(name, type, passive, durable, autoDelete, arguments);
    }

    /**
     * @param autoDelete whether the exchange goes with its last binding
     * @return a copy with that setting
     */
    public Exchange withAutoDelete(boolean autoDelete) {
        return new Exchange(name, type, passive, durable, autoDelete, arguments);
    }

    /**
     * @param arguments broker-specific arguments, such as {@code alternate-exchange}
     * @return a copy with those arguments
     */
    public Exchange withArguments(Map<String, ?> arguments) {
        return new Exchange(name, type, passive, durable, autoDelete, JsonValues.freezeObject(arguments, "arguments"));
    }
}
