package io.postage.amqp091.internal;

import io.postage.QueueSpec;
import java.util.Map;

/**
 * RabbitMQ: everything Postage uses is there. A dead-letter exchange is the queue argument
 * {@value #DEAD_LETTER_EXCHANGE}; a reject without requeue drops or dead-letters the message.
 */
final class RabbitMqDialect implements BrokerDialect {
    /** The {@code product} server property RabbitMQ sends. */
    static final String PRODUCT = "RabbitMQ";
    /** RabbitMQ's queue argument naming the dead-letter exchange. */
    static final String DEAD_LETTER_EXCHANGE = "x-dead-letter-exchange";

    @Override
    public String broker() {
        return PRODUCT;
    }

    @Override
    public boolean directReplyTo() {
        return true;
    }

    @Override
    public boolean rejectRemovesMessage() {
        return true;
    }

    @Override
    public Map<String, Object> queueArguments(QueueSpec queue) {
        return BrokerDialect.withDeadLetter(queue,
                queue.deadLetter().<Map<String, Object>>map(exchange -> Map.of(DEAD_LETTER_EXCHANGE, exchange))
                        .orElse(Map.of()));
    }
}
