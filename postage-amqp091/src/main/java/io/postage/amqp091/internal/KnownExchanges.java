package io.postage.amqp091.internal;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exchanges this transport has seen exist. A publish to a missing exchange is not refused by
 * AMQP 0-9-1 but closes the channel a moment later, losing whatever follows on it; so the first
 * publish to an exchange checks it (a passive declaration) and fails at once with the broker's
 * reason. Later publishes skip the check. The set is forgotten when a publish is refused anyway
 * (the exchange was deleted since), and when it grows past {@value #LIMIT} names.
 */
final class KnownExchanges {
    private static final int LIMIT = 10_000;

    private final Set<String> names = ConcurrentHashMap.newKeySet();

    /**
     * @param exchange an exchange name
     * @return whether it is known to exist; the default exchange always does
     */
    boolean contains(String exchange) {
        return exchange.isEmpty() || names.contains(exchange);
    }

    /** @param exchange an exchange that exists */
    void add(String exchange) {
        if (names.size() >= LIMIT) {
            names.clear();
        }
        names.add(exchange);
    }

    /** Forgets every exchange: the next publish to each checks it again. */
    void forgetAll() {
        names.clear();
    }

    /**
     * Checks that an exchange exists, unless it is known to.
     *
     * @param channel a channel the broker closes if the exchange is missing
     * @param exchange the exchange name
     * @throws IOException naming the broker's reason ({@code NOT_FOUND - no exchange ...}) if it is missing
     */
    void check(Channel channel, String exchange) throws IOException {
        if (!contains(exchange)) {
            channel.exchangeDeclarePassive(exchange);
            add(exchange);
        }
    }
}
