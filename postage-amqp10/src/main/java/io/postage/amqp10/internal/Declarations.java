package io.postage.amqp10.internal;

import io.postage.Exchange;
import io.postage.QueueSpec;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a transport declared and has not removed since: exchanges, queues (by the name they got, RPC
 * reply queues too) and bindings, in the order they were first declared. After a broker restart,
 * which removes non-durable and auto-deleted ones, {@link #replayTo(Dialect)} declares them all again,
 * as the AMQP 0-9-1 client's topology recovery does. Thread-safe.
 */
final class Declarations {
    private static final System.Logger LOG = System.getLogger(Declarations.class.getName());

    private final Map<String, Exchange> exchanges = new LinkedHashMap<>();
    private final Map<String, QueueSpec> queues = new LinkedHashMap<>();
    private final Set<Binding> bindings = new LinkedHashSet<>();

    /**
     * A binding of a queue to an exchange.
     *
     * @param queue the queue
     * @param exchange the exchange
     * @param routingKey the binding key
     */
    record Binding(String queue, String exchange, String routingKey) {
    }

    /** @param exchange an exchange declared (not merely checked) */
    synchronized void exchange(Exchange exchange) {
        exchanges.put(exchange.name(), exchange);
    }

    /**
     * @param name the name the queue got
     * @param queue how it was declared (possibly server-named)
     */
    synchronized void queue(String name, QueueSpec queue) {
        queues.put(name, queue);
    }

    /** @param binding a binding made */
    synchronized void bound(Binding binding) {
        bindings.add(binding);
    }

    /** @param binding a binding removed */
    synchronized void unbound(Binding binding) {
        bindings.remove(binding);
    }

    /** @param name a queue deleted, with its bindings */
    synchronized void queueDeleted(String name) {
        queues.remove(name);
        bindings.removeIf(binding -> binding.queue().equals(name));
    }

    /**
     * Declares everything again through the dialect: exchanges, then queues, then bindings. A declaration
     * the broker refuses is logged and skipped, so that one conflict does not keep the rest away.
     *
     * @param dialect where to declare
     * @return how many declarations failed
     */
    int replayTo(Dialect dialect) {
        List<Exchange> exchangesNow;
        Map<String, QueueSpec> queuesNow;
        List<Binding> bindingsNow;
        synchronized (this) {
            exchangesNow = List.copyOf(exchanges.values());
            queuesNow = new LinkedHashMap<>(queues);
            bindingsNow = new ArrayList<>(bindings);
        }
        int failed = 0;
        for (Exchange exchange : exchangesNow) {
            failed += attempt("exchange '" + exchange.name() + "'", () -> dialect.declareExchange(exchange));
        }
        for (Map.Entry<String, QueueSpec> queue : queuesNow.entrySet()) {
            failed += attempt("queue '" + queue.getKey() + "'", () -> dialect.redeclareQueue(queue.getKey(), queue.getValue()));
        }
        for (Binding binding : bindingsNow) {
            failed += attempt("the binding of queue '" + binding.queue() + "' to exchange '" + binding.exchange()
                    + "' with routing key '" + binding.routingKey() + "'",
                    () -> dialect.bind(binding.queue(), binding.exchange(), binding.routingKey()));
        }
        LOG.log(failed == 0 ? Level.DEBUG : Level.WARNING, "Declared again {0} exchanges, {1} queues and {2} bindings"
                + " after the connection was restored; {3} failed", exchangesNow.size(), queuesNow.size(),
                bindingsNow.size(), failed);
        return failed;
    }

    private static int attempt(String what, Runnable declaration) {
        try {
            declaration.run();
            return 0;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot declare {0} again after the connection was restored: {1}", what, e.getMessage());
            return 1;
        }
    }
}
