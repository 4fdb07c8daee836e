package io.postage.amqp10.internal;

import io.postage.Exchange;
import io.postage.QueueSpec;
import io.postage.TransportException;
import io.postage.UnsupportedFeatureException;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Qpid Broker-J: send to {@code exchange/routingKey} (the routing key alone for the default exchange),
 * consume the queue by name, reply queues are temporary queues. Declarations go to Broker-J's AMQP
 * management node ({@link BrokerJManagement}).
 *
 * <p>Broker-J settles a <em>rejected</em> delivery by requeueing it, unless the queue's
 * {@code maximumDeliveryAttempts} is reached; then it routes it through the queue's alternate binding (its
 * dead-letter exchange) or drops it. So a queue declared here with a dead-letter exchange allows one
 * delivery attempt, and its refused deliveries are rejected; any other queue's refused deliveries are
 * accepted, that is dropped, rather than requeued forever. (One delivery attempt has a price: a message the
 * broker hands to a consumer whose link is closing counts as a failed attempt and is dead-lettered.)
 */
final class BrokerJDialect implements QpidAddressing {
    private static final System.Logger LOG = System.getLogger(BrokerJDialect.class.getName());
    private static final String QUEUE = "org.apache.qpid.Queue";
    private static final String EXCHANGE = "org.apache.qpid.Exchange";
    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;
    private static final String PERMANENT = "PERMANENT";

    private final BrokerJManagement management;
    private final SideConnections sideConnections;
    private final Set<String> privateQueues = ConcurrentHashMap.newKeySet();
    private final Map<String, Disposition> refusals = new ConcurrentHashMap<>();

    /** Opens a started connection of its own to a broker. */
    @FunctionalInterface
    interface SideConnections {
        /**
         * @param broker the broker's URI, as Qpid JMS reached it
         * @return a started connection, the caller closes it
         * @throws JMSException if the broker cannot be reached
         */
        Connection open(URI broker) throws JMSException;
    }

    /**
     * @param management the management node's client; the dialect closes it
     * @param sideConnections how {@link #redeclare} reaches the broker while the transport's connection recovers
     */
    BrokerJDialect(BrokerJManagement management, SideConnections sideConnections) {
        this.management = management;
        this.sideConnections = sideConnections;
    }

    @Override
    public String name() {
        return "Qpid Broker-J";
    }

    /** @return the address a binding URL names (what an AMQP 0-9-1 requester may have written), else the address as it is */
    @Override
    public String replyAddress(String replyTo) {
        return BindingUrl.parse(replyTo).map(url -> sendAddress(url.exchange(), url.key())).orElse(replyTo);
    }

    @Override
    public void declareExchange(Exchange exchange) {
        String operation = "Cannot declare exchange '" + exchange.name() + "'";
        if (exchange.passive()) {
            BrokerJManagement.Answer answer = call(operation, EXCHANGE, "READ", Optional.of(exchange.name()), Map.of(),
                    Map.of());
            if (!answer.ok()) {
                throw failure(operation, answer, "exchange", exchange.name());
            }
            return;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", exchange.name());
        attributes.put("qpid-type", exchange.type().wireName());
        attributes.put("durable", exchange.durable());
        if (exchange.autoDelete()) {
            attributes.put("lifetimePolicy", "DELETE_ON_NO_LINKS"); // what Broker-J's AMQP 0-9-1 gives auto-delete
        }
        for (Map.Entry<String, Object> argument : exchange.arguments().entrySet()) {
            if (!argument.getKey().equals("alternate-exchange")) {
                throw new UnsupportedFeatureException(operation + ": the argument " + argument.getKey() + " is not one"
                        + " Qpid Broker-J takes over AMQP 1.0 (only alternate-exchange is); leave it out for this broker");
            }
            attributes.put("alternateBinding", Json.write(Map.of("destination", String.valueOf(argument.getValue()))));
        }
        create(operation, EXCHANGE, attributes, "exchange", exchange.name());
    }

    @Override
    public String declareQueue(QueueSpec queue) {
        boolean serverNamed = queue.isServerNamed();
        String name = serverNamed ? "postage.gen-" + UUID.randomUUID() : queue.name();
        declare(serverNamed ? "Cannot declare a server-named queue" : "Cannot declare queue '" + name + "'", name, queue);
        return name;
    }

    /** Declares the queue without exclusivity: it is declared from a connection of its own ({@link #redeclare}). */
    @Override
    public void redeclareQueue(String name, QueueSpec queue) {
        declare("Cannot declare queue '" + name + "'", name, queue.withExclusive(false));
    }

    /**
     * Declares again through a management client on a connection of its own to the broker: the transport's
     * connection cannot be used while failover restores it.
     */
    @Override
    public void redeclare(Declarations declarations, URI broker) {
        Connection side = null;
        try {
            side = sideConnections.open(broker);
            try (BrokerJManagement sideManagement = BrokerJManagement.open(side, broker.toString())) {
                declarations.replayTo(new BrokerJDialect(sideManagement, sideConnections));
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot declare queues and exchanges again on {0} after the connection was restored:"
                    + " {1}", broker, e instanceof JMSException ? JmsErrors.reason(e) : e.getMessage());
        } finally {
            if (side != null) {
                ConnectionOpener.closeQuietly(side);
            }
        }
    }

    private void declare(String operation, String name, QueueSpec queue) {
        boolean serverNamed = queue.isServerNamed();
        if (!queue.arguments().isEmpty()) {
            throw new UnsupportedFeatureException(operation + ": the arguments " + queue.arguments().keySet() + " are"
                    + " RabbitMQ's; Qpid Broker-J takes none over AMQP 1.0 (a dead-letter exchange is"
                    + " QueueSpec.withDeadLetterExchange)");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", name);
        attributes.put("durable", queue.durable());
        if (queue.exclusive()) {
            attributes.put("exclusivity", "CONNECTION");
        }
        if (queue.autoDelete() || serverNamed) {
            attributes.put("lifetimePolicy", "DELETE_ON_NO_OUTBOUND_LINKS");
        }
        queue.deadLetter().ifPresent(exchange -> {
            attributes.put("alternateBinding", Json.write(Map.of("destination", exchange)));
            attributes.put("maximumDeliveryAttempts", 1);
        });
        create(operation, QUEUE, attributes, "queue", name);
        if (serverNamed || queue.exclusive()) {
            privateQueues.add(name);
        }
    }

    /** Creates an entity; if it exists, checks that it has the flags asked for, as AMQP 0-9-1 would. */
    private void create(String operation, String type, Map<String, Object> attributes, String kind, String name) {
        BrokerJManagement.Answer answer = call(operation, type, "CREATE", Optional.empty(), Map.of(), attributes);
        if (answer.status() == CONFLICT) {
            BrokerJManagement.Answer existing = call(operation, type, "READ", Optional.of(name), Map.of(), Map.of());
            if (existing.ok()) {
                checkEquivalent(operation, kind, name, attributes, existing.body());
            }
        } else if (!answer.ok()) {
            throw failure(operation, answer, kind, name);
        }
    }

    private static void checkEquivalent(String operation, String kind, String name, Map<String, Object> asked,
            Map<String, Object> actual) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("durable", asked.get("durable"));
        expected.put("autoDelete", !asked.getOrDefault("lifetimePolicy", PERMANENT).equals(PERMANENT));
        if (asked.containsKey("qpid-type")) {
            expected.put("type", asked.get("qpid-type"));
        } else {
            expected.put("exclusivity", asked.getOrDefault("exclusivity", "NONE"));
        }
        Map<String, Object> found = new LinkedHashMap<>(actual);
        found.put("autoDelete", !PERMANENT.equals(String.valueOf(actual.getOrDefault("lifetimePolicy", PERMANENT))));
        for (Map.Entry<String, Object> flag : expected.entrySet()) {
            Object current = found.get(flag.getKey());
            if (current instanceof String type && type.startsWith("org.apache.qpid.") && type.endsWith("Exchange")) {
                current = type.substring("org.apache.qpid.".length(), type.length() - "Exchange".length());
            }
            if (current != null && !String.valueOf(current).equalsIgnoreCase(String.valueOf(flag.getValue()))) {
                throw new TransportException(operation + ": PRECONDITION_FAILED - inequivalent " + flag.getKey() + " for "
                        + kind + " '" + name + "': asked " + flag.getValue() + " but it is " + current);
            }
        }
    }

    @Override
    public void bind(String queue, String exchange, String routingKey) {
        String operation = "Cannot bind queue '" + queue + "' to exchange '" + exchange + "' with routing key '"
                + routingKey + "'";
        BrokerJManagement.Answer answer = call(operation, EXCHANGE, "bind", Optional.of(exchange),
                Map.of("destination", queue, "bindingKey", routingKey), Map.of());
        if (!answer.ok()) {
            throw failure(operation, answer, "exchange", exchange);
        }
    }

    @Override
    public void unbind(String queue, String exchange, String routingKey) {
        String operation = "Cannot unbind queue '" + queue + "' from exchange '" + exchange + "' with routing key '"
                + routingKey + "'";
        BrokerJManagement.Answer answer = call(operation, EXCHANGE, "unbind", Optional.of(exchange),
                Map.of("destination", queue, "bindingKey", routingKey), Map.of());
        if (!answer.ok() && answer.status() != NOT_FOUND) {
            throw failure(operation, answer, "exchange", exchange);
        }
    }

    /**
     * @return {@link Disposition#REJECTED} if the queue allows a limited number of delivery attempts (then
     *     Broker-J dead-letters or drops a rejected delivery), else {@link Disposition#ACCEPTED}: dropped,
     *     since Broker-J would requeue a rejected delivery forever
     */
    @Override
    public Disposition refusal(String queue) {
        Disposition known = refusals.get(queue);
        if (known != null) {
            return known;
        }
        BrokerJManagement.Answer answer = call("Cannot read queue '" + queue + "'", QUEUE, "READ", Optional.of(queue),
                Map.of(), Map.of());
        if (!answer.ok()) {
            return Disposition.ACCEPTED; // consuming it fails anyway
        }
        boolean limited = answer.body().get("maximumDeliveryAttempts") instanceof Number attempts && attempts.intValue() > 0;
        if (!limited && answer.body().get("alternateBinding") != null) {
            LOG.log(Level.WARNING, "Queue ''{0}'' has an alternate binding but unlimited delivery attempts, so Qpid"
                    + " Broker-J would requeue a rejected delivery forever: rejected deliveries are dropped instead."
                    + " Declare it with QueueSpec.withDeadLetterExchange, or give it maximumDeliveryAttempts", queue);
        }
        Disposition refusal = limited ? Disposition.REJECTED : Disposition.ACCEPTED;
        refusals.put(queue, refusal);
        return refusal;
    }

    private BrokerJManagement.Answer call(String operation, String type, String name, Optional<String> entity,
            Map<String, Object> parameters, Map<String, Object> attributes) {
        try {
            return management.call(type, name, entity, parameters, attributes);
        } catch (JMSException e) {
            throw JmsErrors.failure(operation, e);
        }
    }

    private static TransportException failure(String operation, BrokerJManagement.Answer answer, String kind, String name) {
        if (answer.status() == NOT_FOUND) {
            return new TransportException(operation + ": NOT_FOUND - no " + kind + " '" + name + "' in this vhost");
        }
        return new TransportException(operation + ": " + answer.status() + " - " + answer.description());
    }

    /** Deletes the private queues still there and closes the management client; idempotent. */
    @Override
    public void close() {
        for (String queue : Set.copyOf(privateQueues)) {
            try {
                management.call(QUEUE, "DELETE", Optional.of(queue), Map.of(), Map.of());
            } catch (JMSException e) {
                LOG.log(Level.DEBUG, "Deleting private queue {0}: {1}", queue, JmsErrors.reason(e));
            }
            privateQueues.remove(queue);
        }
        management.close();
    }
}
