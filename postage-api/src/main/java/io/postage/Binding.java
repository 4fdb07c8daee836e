package io.postage;

import java.util.Objects;

/**
 * One queue bound to one exchange with one routing key: an entry of an {@link Eqk}.
 *
 * @param exchange the exchange the queue receives from
 * @param queue the queue to declare and consume
 * @param routingKey the binding key
 */
public record Binding(Exchange exchange, QueueSpec queue, String routingKey) {
    /** Checks that nothing is null. */
    public Binding {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(routingKey, "routingKey");
    }
}
