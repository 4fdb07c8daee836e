package io.postage.amqp10.internal;

import io.postage.Exchange;
import io.postage.QueueSpec;
import io.postage.TransportException;
import io.postage.UnsupportedFeatureException;
import jakarta.jms.Session;
import java.lang.System.Logger.Level;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RabbitMQ 3.x's AMQP 1.0 plugin, "v1" addresses: send to {@code /exchange/X/RK} ({@code /amq/queue/Q} for
 * the default exchange), consume {@code /amq/queue/Q}. Names in addresses have {@code %} and {@code /}
 * percent-encoded.
 *
 * <p>AMQP 1.0 cannot declare anything here, and a link to a missing exchange or queue is only refused
 * after the request timeout (and takes its session with it); so declarations go through the management
 * API, and the first publish to an exchange and each consume check first that it exists there.
 *
 * <p>Queues the management API declares cannot be exclusive: a server-named queue is named
 * {@code postage.gen-<uuid>}, and it and an exclusive one are deleted when the transport closes and expire
 * {@value #PRIVATE_QUEUE_EXPIRY_MILLIS} ms after their last use should this process die first (other
 * connections could consume them meanwhile). RabbitMQ has no temporary queues over AMQP 1.0, so a reply queue is such a private
 * queue, {@code reply-<uuid>}, whose reply address {@code /queue/reply-<uuid>} reaches AMQP 0-9-1 responders
 * as {@code reply_to=reply-<uuid>}.
 *
 * <p>After a broker restart the management API declares again what the transport declared
 * ({@link Declarations}, reply queues included), before failover re-attaches the consumers.
 */
final class RabbitMqDialect implements Dialect {
    private static final System.Logger LOG = System.getLogger(RabbitMqDialect.class.getName());
    /** How long an unused private queue outlives a process that died without deleting it. */
    static final int PRIVATE_QUEUE_EXPIRY_MILLIS = 120_000;
    private static final int MAX_KNOWN_EXCHANGES = 10_000;
    private static final String QUEUE_PREFIX = "/queue/";
    private static final String AMQ_QUEUE_PREFIX = "/amq/queue/";

    private final RabbitManagement management;
    private final Set<String> knownExchanges = ConcurrentHashMap.newKeySet();
    private final Set<String> privateQueues = ConcurrentHashMap.newKeySet();
    private final Declarations declarations;

    /**
     * @param management the management API; the dialect closes it
     * @param declarations where the reply queues it declares are recorded, to be declared again after a restart
     */
    RabbitMqDialect(RabbitManagement management, Declarations declarations) {
        this.management = management;
        this.declarations = declarations;
    }

    @Override
    public String name() {
        return "RabbitMQ";
    }

    /** @return {@code /exchange/X/RK}, or {@code /amq/queue/RK} for the default exchange */
    @Override
    public String sendAddress(String exchange, String routingKey) {
        String operation = "Cannot publish to exchange '" + exchange + "' with routing key '" + routingKey + "'";
        requireAscii(operation, exchange);
        requireAscii(operation, routingKey);
        if (exchange.isEmpty()) {
            return AMQ_QUEUE_PREFIX + encode(routingKey);
        }
        if (!knownExchanges.contains(exchange)) {
            HttpResponse<String> answer = management.get("/api/exchanges/{vhost}/" + RabbitManagement.segment(exchange));
            if (!RabbitManagement.ok(answer)) {
                throw new TransportException(operation + ": " + notFound(answer, "exchange", exchange));
            }
            remember(exchange);
        }
        return "/exchange/" + encode(exchange) + "/" + encode(routingKey);
    }

    @Override
    public String consumeAddress(String queue) {
        requireAscii("Cannot consume queue '" + queue + "'", queue);
        HttpResponse<String> answer = management.get("/api/queues/{vhost}/" + RabbitManagement.segment(queue));
        if (!RabbitManagement.ok(answer)) {
            throw new TransportException("Cannot consume queue '" + queue + "': " + notFound(answer, "queue", queue));
        }
        return AMQ_QUEUE_PREFIX + encode(queue);
    }

    /**
     * RabbitMQ gives a reply address {@code NAME} (what AMQP 0-9-1 requesters write) as {@code /queue/NAME};
     * Postage sees the name, as over AMQP 0-9-1.
     *
     * @return the name of a {@code /queue/NAME} address, any other address as it is
     */
    @Override
    public String receivedReplyTo(String address) {
        return address.startsWith(QUEUE_PREFIX) ? address.substring(QUEUE_PREFIX.length()) : address;
    }

    /** @return the address as it is if it is one ({@code /...}), else {@code /queue/NAME}, which AMQP 0-9-1 reads as {@code NAME} */
    @Override
    public String replyToAddress(String replyTo) {
        return replyTo.startsWith("/") ? replyTo : QUEUE_PREFIX + replyTo;
    }

    /**
     * An AMQP 0-9-1 requester's {@code reply_to=NAME} arrives as {@code /queue/NAME}; sending there would
     * declare the queue, which fails for server-named, exclusive and direct reply-to queues. {@code /amq/queue/}
     * reaches all of them.
     *
     * @return {@code /amq/queue/NAME} for {@code /queue/NAME} or a bare name, any other address as it is
     */
    @Override
    public String replyAddress(String replyTo) {
        if (replyTo.startsWith(QUEUE_PREFIX)) {
            return AMQ_QUEUE_PREFIX + encode(replyTo.substring(QUEUE_PREFIX.length()));
        }
        return replyTo.startsWith("/") ? replyTo : AMQ_QUEUE_PREFIX + encode(replyTo);
    }

    /** Declares a private queue {@code reply-<uuid>} (recorded, to be declared again after a broker restart). */
    @Override
    public ReplyQueue openReplyQueue(Session session) throws jakarta.jms.JMSException {
        String name = "reply-" + UUID.randomUUID();
        QueueSpec queue = QueueSpec.named(name).withExclusive(true).withAutoDelete(true);
        declare("Cannot declare reply queue '" + name + "'", name, queue);
        declarations.queue(name, queue);
        return new ReplyQueue(session.createQueue(AMQ_QUEUE_PREFIX + name), () -> QUEUE_PREFIX + name, () -> {
            privateQueues.remove(name); // auto-deleted with its consumer
            declarations.queueDeleted(name);
        });
    }

    @Override
    public void declareExchange(Exchange exchange) {
        String path = "/api/exchanges/{vhost}/" + RabbitManagement.segment(exchange.name());
        String operation = "Cannot declare exchange '" + exchange.name() + "'";
        HttpResponse<String> answer;
        if (exchange.passive()) {
            answer = management.get(path);
            if (!RabbitManagement.ok(answer)) {
                throw new TransportException(operation + ": " + notFound(answer, "exchange", exchange.name()));
            }
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", exchange.type().wireName());
            body.put("durable", exchange.durable());
            body.put("auto_delete", exchange.autoDelete());
            body.put("internal", false);
            body.put("arguments", exchange.arguments());
            answer = management.put(path, Json.write(body));
            check(operation, answer);
        }
        remember(exchange.name());
    }

    @Override
    public String declareQueue(QueueSpec queue) {
        if (queue.isServerNamed()) {
            String name = "postage.gen-" + UUID.randomUUID();
            declare("Cannot declare a server-named queue", name, queue);
            return name;
        }
        declare("Cannot declare queue '" + queue.name() + "'", queue.name(), queue);
        return queue.name();
    }

    @Override
    public void redeclareQueue(String name, QueueSpec queue) {
        declare("Cannot declare queue '" + name + "'", name, queue);
    }

    /** Declares a queue under the name given; a server-named or exclusive one is private (expires, deleted on close). */
    private void declare(String operation, String name, QueueSpec queue) {
        boolean isPrivate = queue.isServerNamed() || queue.exclusive();
        Map<String, Object> arguments = new LinkedHashMap<>(queue.arguments());
        queue.deadLetter().ifPresent(exchange -> arguments.put("x-dead-letter-exchange", exchange));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("durable", queue.durable());
        body.put("auto_delete", queue.autoDelete());
        body.put("arguments", isPrivate ? privateArguments(arguments) : arguments);
        check(operation, management.put("/api/queues/{vhost}/" + RabbitManagement.segment(name), Json.write(body)));
        if (isPrivate) {
            privateQueues.add(name);
        }
    }

    private static Map<String, Object> privateArguments(Map<String, Object> arguments) {
        Map<String, Object> withExpiry = new LinkedHashMap<>(arguments);
        withExpiry.putIfAbsent("x-expires", PRIVATE_QUEUE_EXPIRY_MILLIS);
        return withExpiry;
    }

    @Override
    public void bind(String queue, String exchange, String routingKey) {
        check("Cannot bind queue '" + queue + "' to exchange '" + exchange + "' with routing key '" + routingKey + "'",
                management.post(bindingsPath(queue, exchange), Json.write(Map.of("routing_key", routingKey,
                        "arguments", Map.of()))));
    }

    /** Deletes the binding by its properties key: {@code ~} for an empty routing key, else the routing key. */
    @Override
    public void unbind(String queue, String exchange, String routingKey) {
        String key = routingKey.isEmpty() ? "~" : routingKey;
        HttpResponse<String> answer = management.delete(bindingsPath(queue, exchange) + "/" + RabbitManagement.segment(key));
        if (answer.statusCode() != 404) {
            check("Cannot unbind queue '" + queue + "' from exchange '" + exchange + "' with routing key '" + routingKey
                    + "'", answer);
        }
    }

    private static String bindingsPath(String queue, String exchange) {
        return "/api/bindings/{vhost}/e/" + RabbitManagement.segment(exchange.isEmpty() ? "amq.default" : exchange) + "/q/"
                + RabbitManagement.segment(queue);
    }

    /** @return {@link Disposition#REJECTED}: RabbitMQ drops it, or dead-letters it through {@code x-dead-letter-exchange} */
    @Override
    public Disposition refusal(String queue) {
        return Disposition.REJECTED;
    }

    /** Deletes the private queues still there, and closes the management API's client; idempotent. */
    @Override
    public void close() {
        for (String queue : Set.copyOf(privateQueues)) {
            try {
                management.delete("/api/queues/{vhost}/" + RabbitManagement.segment(queue));
            } catch (TransportException e) {
                LOG.log(Level.DEBUG, "Deleting private queue {0}: {1}", queue, e.getMessage());
            }
            privateQueues.remove(queue);
        }
        management.close();
    }

    private void remember(String exchange) {
        if (knownExchanges.size() >= MAX_KNOWN_EXCHANGES) {
            knownExchanges.clear();
        }
        knownExchanges.add(exchange);
    }

    private static void check(String operation, HttpResponse<String> answer) {
        if (!RabbitManagement.ok(answer)) {
            throw new TransportException(operation + ": " + RabbitManagement.reason(answer));
        }
    }

    private String notFound(HttpResponse<String> answer, String kind, String name) {
        return answer.statusCode() == 404 ? "NOT_FOUND - no " + kind + " '" + name + "' in this vhost"
                : RabbitManagement.reason(answer);
    }

    /** RabbitMQ 3.x's AMQP 1.0 plugin drops the whole connection on an address with non-ASCII characters. */
    private static void requireAscii(String operation, String name) {
        if (!name.chars().allMatch(c -> c < 0x80)) {
            throw new UnsupportedFeatureException(operation + ": RabbitMQ's AMQP 1.0 plugin drops the connection on"
                    + " names that are not ASCII; use the amqp091 transport for such names");
        }
    }

    /** Percent-encodes what RabbitMQ's address parser would read as a separator or an escape. */
    private static String encode(String name) {
        return name.replace("%", "%25").replace("/", "%2F");
    }
}
