package io.postage;

import java.util.ArrayList;
import java.util.List;

/**
 * What a message processor listens to: Postage 1.x's {@code eqk}, a list of exchanges each with
 * its (queue, key) pairs, here flattened into {@link Binding}s in declaration order.
 *
 * {@snippet :
 * // Python: eqk = [(EchoExchange, [('echo-queue', 'echo-rk')])]
 * Eqk eqk = Eqk.of(EchoShared.ECHO, "echo-queue", "echo-rk");
 *
 * Eqk both = Eqk.builder()
 *         .exchange(EchoShared.ECHO)
 *         .queue("echo-queue", "echo-rk")               // shared: round robin
 *         .queue(QueueSpec.serverNamed(), "echo-rk")    // private: fan-out copy
 *         .build();
 * }
 *
 * @param bindings the bindings, immutable
 */
public record Eqk(List<Binding> bindings) {

    /** Copies the bindings. */
    public Eqk {
        bindings = List.copyOf(bindings);
    }

    /**
     * @param exchange the exchange
     * @param queue a queue name with Postage 1.x's default flags
     * @param routingKey the binding key
     * @return an eqk with that one binding
     */
    public static Eqk of(Exchange exchange, String queue, String routingKey) {
        return new Eqk(List.of(new Binding(exchange, QueueSpec.named(queue), routingKey)));
    }

    /**
     * @param bindings the bindings
     * @return an eqk with those bindings
     */
    public static Eqk of(Binding... bindings) {
        return new Eqk(List.of(bindings));
    }

    /** @return a builder that follows the Python shape: an exchange, then its queues and keys */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param other more bindings
     * @return an eqk with this one's bindings followed by the other's
     */
    public Eqk plus(Eqk other) {
        List<Binding> all = new ArrayList<>(bindings);
        all.addAll(other.bindings);
        return new Eqk(all);
    }

    /** Builds an {@link Eqk}: each {@code queue(...)} binds to the exchange named last. */
    public static final class Builder {
        private final List<Binding> bindings = new ArrayList<>();
        private Exchange exchange;

        private Builder() {
        }

        /**
         * @param exchange the exchange the following queues bind to
         * @return this builder
         */
        public Builder exchange(Exchange exchange) {
            this.exchange = exchange;
            return this;
        }

        /**
         * @param queue a queue name with Postage 1.x's default flags
         * @param routingKey the binding key
         * @return this builder
         */
        public Builder queue(String queue, String routingKey) {
            return queue(QueueSpec.named(queue), routingKey);
        }

        /**
         * @param queue the queue declaration
         * @param routingKey the binding key
         * @return this builder
         */
        public Builder queue(QueueSpec queue, String routingKey) {
            if (exchange == null) {
                throw new IllegalStateException("Call exchange(...) before queue(...): a queue binds to an exchange");
            }
            bindings.add(new Binding(exchange, queue, routingKey));
            return this;
        }

        /** @return the eqk */
        public Eqk build() {
            return new Eqk(bindings);
        }
    }
}
