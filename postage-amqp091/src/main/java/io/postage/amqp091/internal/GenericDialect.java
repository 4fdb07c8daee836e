package io.postage.amqp091.internal;

import io.postage.QueueSpec;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * A broker Postage does not know: plain AMQP 0-9-1 without RabbitMQ's extensions, except the
 * dead-letter exchange, declared as RabbitMQ's {@code x-dead-letter-exchange} (the form most brokers
 * took over). Shared replies arrive on a private queue; queue arguments go as given; a reject without
 * requeue is trusted to drop or dead-letter the message, as the protocol says.
 */
final class GenericDialect implements BrokerDialect {
    private static final System.Logger LOG = System.getLogger(GenericDialect.class.getName());

    private final String product;

    private GenericDialect(String product) {
        this.product = product;
    }

    /**
     * Says, in one INFO line, which broker was found and what is assumed of it.
     *
     * @param product the {@code product} server property; empty if the broker sent none
     * @return the dialect for that broker
     */
    static GenericDialect forProduct(String product) {
        String name = product.isEmpty() ? "an AMQP 0-9-1 broker that does not name its product" : product;
        LOG.log(Level.INFO, "Connected to {0}, not a broker Postage knows (RabbitMQ, Apache Qpid Broker-J): assuming"
                + " plain AMQP 0-9-1 (replies on a private queue instead of direct reply-to, dead-letter exchanges"
                + " as x-dead-letter-exchange, queue arguments passed as given)", name);
        return new GenericDialect(name);
    }

    @Override
    public String broker() {
        return product;
    }

    @Override
    public boolean directReplyTo() {
        return false;
    }

    @Override
    public boolean rejectRemovesMessage() {
        return true;
    }

    @Override
    public Map<String, Object> queueArguments(QueueSpec queue) {
        return BrokerDialect.withDeadLetter(queue, queue.deadLetter()
                .<Map<String, Object>>map(exchange -> Map.of(RabbitMqDialect.DEAD_LETTER_EXCHANGE, exchange))
                .orElse(Map.of()));
    }
}
