package io.postage.amqp091.internal;

import com.rabbitmq.client.LongString;
import io.postage.QueueSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * What one kind of broker does differently over AMQP 0-9-1, so that the transport can adapt without
 * its user noticing. The broker is told by the {@code product} it names in its server properties:
 * {@code RabbitMQ}, {@code Apache Qpid Broker-J Core}, or anything else (a {@link GenericDialect}).
 */
interface BrokerDialect {

    /** @return the broker's name, for messages: {@code RabbitMQ}, {@code Qpid Broker-J} */
    String broker();

    /** @return whether the broker has RabbitMQ's direct reply-to ({@code amq.rabbitmq.reply-to}) */
    boolean directReplyTo();

    /**
     * @return whether a reject without requeue takes the message off any queue (dropped or
     *     dead-lettered); if not, it does so only on the queues declared with a dead-letter exchange
     */
    boolean rejectRemovesMessage();

    /**
     * @param queue the declaration
     * @return the arguments of its {@code queue.declare}: the spec's own, with its dead-letter exchange
     *     in this broker's form
     * @throws io.postage.UnsupportedFeatureException if the broker would refuse an argument
     * @throws IllegalArgumentException if the arguments already hold what the dead-letter exchange adds
     */
    Map<String, Object> queueArguments(QueueSpec queue);

    /**
     * @param serverProperties the server properties of the connection
     * @return the dialect of the broker that sent them
     */
    static BrokerDialect detect(Map<String, Object> serverProperties) {
        Object product = serverProperties.get("product");
        String name = product instanceof LongString || product instanceof String ? product.toString() : "";
        if (name.equals(RabbitMqDialect.PRODUCT)) {
            return new RabbitMqDialect();
        }
        if (name.startsWith(BrokerJDialect.PRODUCT)) {
            return new BrokerJDialect();
        }
        return GenericDialect.forProduct(name);
    }

    /**
     * @param queue the declaration
     * @param deadLetter the arguments that give the queue its dead-letter exchange; empty for none
     * @return the spec's arguments and those
     * @throws IllegalArgumentException if the spec's arguments already hold one of them
     */
    static Map<String, Object> withDeadLetter(QueueSpec queue, Map<String, Object> deadLetter) {
        Map<String, Object> arguments = new HashMap<>(queue.arguments());
        for (Map.Entry<String, Object> argument : deadLetter.entrySet()) {
            if (arguments.putIfAbsent(argument.getKey(), argument.getValue()) != null) {
                throw new IllegalArgumentException(label(queue) + " has both a dead-letter exchange and"
                        + " the argument " + argument.getKey() + "; keep QueueSpec.withDeadLetterExchange(...) only");
            }
        }
        return arguments;
    }

    /**
     * @param queue a declaration
     * @return how messages name it: {@code Queue 'jobs'}, or {@code A server-named queue}
     */
    static String label(QueueSpec queue) {
        return queue.isServerNamed() ? "A server-named queue" : "Queue '" + queue.name() + "'";
    }
}
