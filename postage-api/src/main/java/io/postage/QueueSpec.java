package io.postage;

import io.postage.internal.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A queue declaration: Postage 1.0.2's queue name with its "queue flags". A plain name gets the
 * flags Postage 1.x gives it (not durable, not exclusive, not auto-deleted), so Java and Python
 * components declare the same queue identically.
 *
 * {@snippet :
 * QueueSpec shared = QueueSpec.named("echo-queue");              // round robin between consumers
 * QueueSpec mine = QueueSpec.serverNamed();                      // private: every consumer gets a copy
 * QueueSpec kept = QueueSpec.named("jobs").withDurable(true);
 * }
 *
 * @param name the queue name; empty for a name the broker chooses
 * @param durable survive a broker restart
 * @param exclusive usable by the declaring connection only, deleted with it
 * @param autoDelete deleted when its last consumer goes
 * @param arguments broker-specific arguments ({@code x-...}), immutable
 * @param deadLetterExchange where rejected messages go; empty for none. Each transport maps it to
 *     its broker's form ({@code x-dead-letter-exchange} on RabbitMQ, an alternate binding on Qpid Broker-J)
 * @param deadLetterQueue a queue bound to the dead-letter exchange that Postage declares with this
 *     queue; empty for none
 */
public record QueueSpec(String name, boolean durable, boolean exclusive, boolean autoDelete,
        Map<String, Object> arguments, String deadLetterExchange, String deadLetterQueue) {

    /** Checks the values and makes the arguments immutable. */
    public QueueSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(deadLetterExchange, "deadLetterExchange");
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        arguments = JsonValues.freezeObject(arguments, "arguments");
        if (!deadLetterQueue.isEmpty() && deadLetterExchange.isEmpty()) {
            throw new IllegalArgumentException("Dead-letter queue " + deadLetterQueue + " needs a dead-letter exchange");
        }
    }

    /**
     * A queue whose dead-letter exchange, if any, is declared elsewhere.
     *
     * @param name the queue name; empty for a name the broker chooses
     * @param durable survive a broker restart
     * @param exclusive usable by the declaring connection only, deleted with it
     * @param autoDelete deleted when its last consumer goes
     * @param arguments broker-specific arguments ({@code x-...})
     * @param deadLetterExchange where rejected messages go; empty for none
     */
    public QueueSpec(String name, boolean durable, boolean exclusive, boolean autoDelete, Map<String, Object> arguments,
            String deadLetterExchange) {
        this(name, durable, exclusive, autoDelete, arguments, deadLetterExchange, "");
    }

    /**
     * A queue without a dead-letter exchange.
     *
     * @param name the queue name; empty for a name the broker chooses
     * @param durable survive a broker restart
     * @param exclusive usable by the declaring connection only, deleted with it
     * @param autoDelete deleted when its last consumer goes
     * @param arguments broker-specific arguments ({@code x-...})
     */
    public QueueSpec(String name, boolean durable, boolean exclusive, boolean autoDelete, Map<String, Object> arguments) {
        this(name, durable, exclusive, autoDelete, arguments, "");
    }

    /**
     * @param name the queue name, not empty
     * @return a queue with Postage 1.x's default flags (none set)
     */
    public static QueueSpec named(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A named queue needs a name; use QueueSpec.serverNamed() instead");
        }
        return new QueueSpec(name, false, false, false, Map.of());
    }

    /** @return a private queue: named by the broker, exclusive and auto-deleted */
    public static QueueSpec serverNamed() {
        return new QueueSpec("", false, true, true, Map.of());
    }

    /**
     * A private queue named from a fingerprint as in the Postage README's advanced echo
     * ({@code echo-queue-4242myhost}): every process gets its own copy of what is routed to it.
     * It is exclusive and auto-deleted, so it goes away with its component.
     *
     * @param prefix the shared part of the name, such as {@code echo-queue}
     * @param fingerprint the component's fingerprint
     * @return {@code prefix-<pid><host>}, exclusive and auto-deleted
     */
    public static QueueSpec privateFor(String prefix, Fingerprint fingerprint) {
        return new QueueSpec(prefix + "-" + fingerprint.pid() + fingerprint.host(), false, true, true, Map.of());
    }

    /**
     * Sends the messages this queue rejects (a {@link RejectMessage}, an unmanaged exception, an
     * undecodable body) to an exchange instead of dropping them: a dead-letter exchange, whatever
     * the broker calls it. Declare the exchange, and a queue bound to it, before this queue.
     *
     * @param exchange the dead-letter exchange's name
     * @return a copy with that dead-letter exchange
     */
    public QueueSpec withDeadLetterExchange(String exchange) {
        if (exchange.isEmpty()) {
            throw new IllegalArgumentException("A dead-letter exchange needs a name");
        }
        return new QueueSpec(name, durable, exclusive, autoDelete, arguments, exchange, "");
    }

    /**
     * Dead-letters to {@code <name>.dlq} through the fanout exchange {@code <name>.dlx}, both declared by
     * the processor that declares this queue: see {@link #withDeadLetterQueue(String, String)}.
     *
     * {@snippet :
     * QueueSpec jobs = QueueSpec.named("jobs").withDurable(true).withDeadLetterQueue(); // jobs.dlx -> jobs.dlq
     * }
     *
     * @return a copy with that dead-letter exchange and queue
     * @throws IllegalStateException for a server-named queue, whose name is not known yet
     */
    public QueueSpec withDeadLetterQueue() {
        if (isServerNamed()) {
            throw new IllegalStateException("A server-named queue has no name to derive its dead-letter queue's from; "
                    + "use withDeadLetterQueue(exchange, queue)");
        }
        return withDeadLetterQueue(name + ".dlx", name + ".dlq");
    }

    /**
     * Dead-letters to a queue that the processor declaring this queue declares first: a fanout
     * {@code exchange} and a {@code queue} bound to it, both durable if this queue is, never auto-deleted
     * (the dead letters stay until someone reads them, and Qpid Broker-J cannot auto-delete an exchange
     * that a queue dead-letters to) and never exclusive (anyone may read them). A message that cannot
     * be decoded, is refused with {@link RejectMessage} or failed every attempt of the
     * {@link RetryPolicy} arrives there with the reason in its headers ({@link DeadLetterHeaders}).
     *
     * @param exchange the dead-letter exchange's name
     * @param queue the dead-letter queue's name
     * @return a copy with that dead-letter exchange and queue
     */
    public QueueSpec withDeadLetterQueue(String exchange, String queue) {
        if (exchange.isEmpty() || queue.isEmpty()) {
            throw new IllegalArgumentException("A dead-letter queue needs an exchange name and a queue name");
        }
        return new QueueSpec(name, durable, exclusive, autoDelete, arguments, exchange, queue);
    }

    /**
     * @return the dead-letter queue Postage declares with this one, bound to {@link #deadLetterExchange()},
     *     if {@link #withDeadLetterQueue(String, String)} asked for one
     */
    public Optional<QueueSpec> deadLetterQueueSpec() {
        if (deadLetterQueue.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QueueSpec(deadLetterQueue, durable, false, false, Map.of()));
    }

    /** @return the dead-letter exchange Postage declares with this one, if it declares a dead-letter queue */
    public Optional<Exchange> deadLetterExchangeSpec() {
        if (deadLetterQueue.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Exchange.fanout(deadLetterExchange).withDurable(durable));
    }

    /** @return the dead-letter exchange, if rejected messages go to one */
    public Optional<String> deadLetter() {
        return deadLetterExchange.isEmpty() ? Optional.empty() : Optional.of(deadLetterExchange);
    }

    /** @return whether the broker chooses the name */
    public boolean isServerNamed() {
        return name.isEmpty();
    }

    /**
     * @param durable whether the queue survives a broker restart
     * @return a copy with that flag
     */
    public QueueSpec withDurable(boolean durable) {
        return new QueueSpec(name, durable, exclusive, autoDelete, arguments, deadLetterExchange, deadLetterQueue);
    }

    /**
     * @param exclusive whether only the declaring connection may use the queue
     * @return a copy with that flag
     */
    public QueueSpec withExclusive(boolean exclusive) {
        return new QueueSpec(name, durable, exclusive, autoDelete, arguments, deadLetterExchange, deadLetterQueue);
    }

    /**
     * @param autoDelete whether the queue goes with its last consumer
     * @return a copy with that flag
     */
    public QueueSpec withAutoDelete(boolean autoDelete) {
        return new QueueSpec(name, durable, exclusive, autoDelete, arguments, deadLetterExchange, deadLetterQueue);
    }

    /**
     * @param arguments broker-specific arguments
     * @return a copy with those arguments
     */
    public QueueSpec withArguments(Map<String, ?> arguments) {
        return new QueueSpec(name, durable, exclusive, autoDelete, JsonValues.freezeObject(arguments, "arguments"),
                deadLetterExchange, deadLetterQueue);
    }
}
