package io.postage.amqp10.internal;

import io.postage.Exchange;
import io.postage.QueueSpec;
import io.postage.UnsupportedFeatureException;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An AMQP 1.0 broker not known here (or chosen with {@code postage.dialect=generic}): Qpid-style addresses
 * ({@code exchange/routingKey}, the routing key alone for the default exchange, the queue's name to
 * consume), temporary reply queues. AMQP 1.0 cannot declare anything, and no management interface is
 * known, so exchanges, named queues and bindings must exist on the broker already: declaring them does
 * nothing here (said once, at INFO), and a server-named queue cannot be had.
 */
final class GenericDialect implements QpidAddressing {
    private static final System.Logger LOG = System.getLogger(GenericDialect.class.getName());

    private final String product;
    private final AtomicBoolean declarationsSkipped = new AtomicBoolean();

    /** @param product the broker's {@code product}, for messages */
    GenericDialect(String product) {
        this.product = product.isEmpty() ? "an AMQP 1.0 broker" : product;
    }

    @Override
    public String name() {
        return product;
    }

    @Override
    public String replyAddress(String replyTo) {
        return replyTo;
    }

    @Override
    public void declareExchange(Exchange exchange) {
        skipped();
    }

    /** @throws UnsupportedFeatureException for a server-named queue */
    @Override
    public String declareQueue(QueueSpec queue) {
        if (queue.isServerNamed()) {
            throw new UnsupportedFeatureException("Cannot declare a server-named queue on " + product + ": AMQP 1.0 cannot"
                    + " declare queues and no management interface is known for it; use a named queue configured on"
                    + " the broker");
        }
        skipped();
        return queue.name();
    }

    @Override
    public void redeclareQueue(String name, QueueSpec queue) {
        skipped();
    }

    @Override
    public void bind(String queue, String exchange, String routingKey) {
        skipped();
    }

    @Override
    public void unbind(String queue, String exchange, String routingKey) {
        skipped();
    }

    @Override
    public Disposition refusal(String queue) {
        return Disposition.REJECTED;
    }

    private void skipped() {
        if (declarationsSkipped.compareAndSet(false, true)) {
            LOG.log(Level.INFO, "{0}: AMQP 1.0 cannot declare exchanges, queues or bindings and no management interface"
                    + " is known for this broker, so they are not declared; configure them on the broker", product);
        }
    }

    @Override
    public void close() {
    }
}
