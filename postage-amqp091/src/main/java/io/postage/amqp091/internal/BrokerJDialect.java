package io.postage.amqp091.internal;

import io.postage.QueueSpec;
import io.postage.UnsupportedFeatureException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Apache Qpid Broker-J (measured on 10.1.0). It has no direct reply-to; it refuses the queue
 * arguments it does not know by closing the whole connection (542), so those are refused here
 * before anything is sent; and a reject without requeue puts the message back in the queue unless
 * the queue has a maximum delivery count. A dead-letter exchange is therefore declared as the two
 * arguments Broker-J's AMQP 0-9-1 layer reads: {@value #ALTERNATE_EXCHANGE} (which it turns into the
 * queue's alternate binding) and {@value #MAXIMUM_DELIVERY_COUNT} = 1 (the first reject without
 * requeue sends the message to the alternate binding; a requeue or a lost connection does not count).
 */
final class BrokerJDialect implements BrokerDialect {
    /** How the {@code product} server property of Broker-J starts: {@code Apache Qpid Broker-J Core}. */
    static final String PRODUCT = "Apache Qpid Broker-J";
    /** The queue argument Broker-J turns into {@code alternateBinding={"destination": <exchange>}}. */
    static final String ALTERNATE_EXCHANGE = "alternateExchange";
    /** The queue argument Broker-J turns into {@code maximumDeliveryAttempts}. */
    static final String MAXIMUM_DELIVERY_COUNT = "x-qpid-maximum-delivery-count";

    /** The {@code x-} queue arguments Broker-J 10.1.0 reads; it refuses any other. */
    private static final Set<String> KNOWN = Set.of("x-qpid-capacity", "x-qpid-flow-resume-capacity",
            "x-qpid-minimum-alert-repeat-gap", "x-qpid-maximum-message-count", "x-qpid-maximum-message-size",
            "x-qpid-maximum-message-age", "x-qpid-maximum-queue-depth", MAXIMUM_DELIVERY_COUNT, "x-qpid-priorities",
            "x-qpid-description", "x-qpid-dlq-enabled", "x-single-active-consumer");
    /** What to use instead of RabbitMQ's arguments. */
    private static final Map<String, String> INSTEAD = Map.of(
            RabbitMqDialect.DEAD_LETTER_EXCHANGE, "use QueueSpec.withDeadLetterExchange(...) instead",
            "x-dead-letter-routing-key", "leave it out and use QueueSpec.withDeadLetterExchange(...) with a fanout"
                    + " exchange",
            "x-message-ttl", "use Broker-J's queue argument maximumMessageTtl (milliseconds) instead",
            "x-max-length", "use Broker-J's queue arguments maximumQueueDepthMessages and overflowPolicy=RING instead",
            "x-expires", "use QueueSpec.withAutoDelete(true) instead (Broker-J does not expire idle queues)",
            "x-queue-type", "leave it out (Broker-J has no quorum or stream queues)",
            "x-max-priority", "use Broker-J's x-qpid-priorities instead");

    @Override
    public String broker() {
        return "Qpid Broker-J";
    }

    @Override
    public boolean directReplyTo() {
        return false;
    }

    @Override
    public boolean rejectRemovesMessage() {
        return false;
    }

    /** @throws UnsupportedFeatureException naming the first argument (in name order) Broker-J would refuse */
    @Override
    public Map<String, Object> queueArguments(QueueSpec queue) {
        for (String argument : new TreeSet<>(queue.arguments().keySet())) {
            if (argument.startsWith("x-") && !KNOWN.contains(argument)) {
                throw new UnsupportedFeatureException(BrokerDialect.label(queue) + ": the argument " + argument
                        + " is not supported by " + broker() + " (it would close the connection); "
                        + INSTEAD.getOrDefault(argument, "leave it out or use one of Broker-J's own arguments"));
            }
        }
        return BrokerDialect.withDeadLetter(queue, queue.deadLetter()
                .<Map<String, Object>>map(exchange -> Map.of(ALTERNATE_EXCHANGE, exchange, MAXIMUM_DELIVERY_COUNT, 1))
                .orElse(Map.of()));
    }
}
