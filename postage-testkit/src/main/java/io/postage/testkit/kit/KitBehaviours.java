package io.postage.testkit.kit;

import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.Fingerprint;
import io.postage.spi.Transport;
import java.util.function.BooleanSupplier;

/**
 * A group of the kit's behaviours, run as a {@code @Nested} class of {@link TransportCompatibilityKit},
 * with shorthands for what every group uses.
 */
abstract class KitBehaviours {

    /** @return the running test's broker, configuration and fixture */
    abstract KitContext kit();

    Transport transport() {
        return kit().fixture().transport();
    }

    /** A fingerprint of this process with a pid of its own, so that components in one JVM stay apart. */
    Fingerprint fingerprint(String name, String type) {
        Fingerprint real = Fingerprint.of(name, type, kit().config());
        return new Fingerprint(name, type, kit().broker().unique("pid"), real.host(), real.user(), real.vhost());
    }

    String unique(String prefix) {
        return kit().fixture().unique(prefix);
    }

    Exchange exchange(ExchangeType type) {
        return kit().fixture().exchange(type);
    }

    String boundQueue(Exchange exchange, String routingKey) {
        return kit().fixture().boundQueue(exchange, routingKey);
    }

    <T extends AutoCloseable> T closeLater(T closeable) {
        return kit().fixture().closeLater(closeable);
    }

    /** @return an inbox for everything a fanout exchange receives, each delivery acked */
    Inbox everythingFrom(Exchange exchange) {
        Inbox inbox = new Inbox();
        closeLater(transport().consume(boundQueue(exchange, ""), 10, inbox.acking()));
        return inbox;
    }

    /**
     * Waits until the condition holds or {@link Inbox#ARRIVAL} passes, whichever comes first; the caller asserts.
     *
     * @param condition what to wait for
     * @throws InterruptedException if interrupted while waiting
     */
    static void awaitArrival(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Inbox.ARRIVAL.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
