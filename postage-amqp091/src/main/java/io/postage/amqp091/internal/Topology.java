package io.postage.amqp091.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.postage.Exchange;
import io.postage.QueueSpec;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Declares exchanges and queues and binds them, so that automatic topology recovery can declare them
 * again after a connection loss.
 *
 * <p>The client records each declaration with the channel that made it, and replays it on that
 * channel; a declaration recorded on a channel the broker later closed for an error (a refused
 * declaration, a binding to a missing exchange) is not replayed. So each declaration runs twice: first
 * on a pooled channel, where a refusal only costs that channel, and once it succeeded, again on the
 * recording channel, a channel of its own (one operation at a time) that a refusal does not reach.
 * The second run finds everything in place and changes nothing on the broker. A server-named queue
 * is tried with its arguments on the pooled channel and deleted there, then declared for real.
 *
 * <p>Queue arguments come from the broker's {@link BrokerDialect}, which refuses before anything is
 * sent those the broker would answer by closing the connection. A queue's dead-letter exchange must
 * exist (checked first; Qpid Broker-J closes the connection for a missing one).
 *
 * <p>An unbinding runs once, on a pooled channel: the client forgets the recorded binding whichever
 * channel recorded it. (A second run could fail: Qpid Broker-J deletes an auto-deleted exchange as soon
 * as its last binding goes.) Unbinding what is not bound does nothing, as on RabbitMQ, although Qpid
 * Broker-J answers it with {@code NOT_FOUND}.
 */
final class Topology {
    private static final System.Logger LOG = System.getLogger(Topology.class.getName());

    private final Broker broker;
    private final ReentrantLock lock = new ReentrantLock();
    private Channel recorder;

    /** @param broker the connection to declare on */
    Topology(Broker broker) {
        this.broker = broker;
    }

    /**
     * @param exchange the exchange to declare, or to check when passive; not the default exchange
     * @throws IOException naming the broker's reason if it refuses
     * @throws TimeoutException if the broker does not answer
     */
    void declareExchange(Exchange exchange) throws IOException, TimeoutException {
        if (exchange.passive()) {
            broker.onPooledChannel(channel -> channel.exchangeDeclarePassive(exchange.name()));
        } else {
            apply(channel -> channel.exchangeDeclare(exchange.name(), exchange.type().wireName(), exchange.durable(),
                    exchange.autoDelete(), false, exchange.arguments()));
        }
        broker.exchangeExists(exchange.name());
    }

    /**
     * @param queue the queue to declare
     * @param arguments its arguments, in the broker's dialect
     * @return its name, the broker's choice for a server-named queue
     * @throws IOException naming the broker's reason if it refuses, or if its dead-letter exchange is missing
     * @throws TimeoutException if the broker does not answer
     */
    String declareQueue(QueueSpec queue, Map<String, Object> arguments) throws IOException, TimeoutException {
        if (queue.deadLetter().isPresent()) {
            broker.checkExchange(queue.deadLetter().get());
        }
        ChannelPool.ChannelCall<AMQP.Queue.DeclareOk> declare = channel -> channel.queueDeclare(queue.name(),
                queue.durable(), queue.exclusive(), queue.autoDelete(), arguments);
        String name;
        if (queue.isServerNamed()) {
            broker.onPooledChannel(channel -> channel.queueDelete(declare.call(channel).getQueue()));
            name = record(declare).getQueue();
        } else {
            name = apply(declare).getQueue();
        }
        if (queue.deadLetter().isPresent()) {
            broker.rejections().deadLettered(name);
        }
        return name;
    }

    /**
     * @param queue the queue name
     * @param exchange the exchange name
     * @param routingKey the binding key
     * @throws IOException naming the broker's reason if it refuses
     * @throws TimeoutException if the broker does not answer
     */
    void bind(String queue, String exchange, String routingKey) throws IOException, TimeoutException {
        apply(channel -> channel.queueBind(queue, exchange, routingKey));
    }

    /**
     * @param queue the queue name
     * @param exchange the exchange name
     * @param routingKey the binding key
     * @throws IOException naming the broker's reason if it refuses
     * @throws TimeoutException if the broker does not answer
     */
    void unbind(String queue, String exchange, String routingKey) throws IOException, TimeoutException {
        try {
            broker.onPooledChannel(channel -> channel.queueUnbind(queue, exchange, routingKey));
        } catch (IOException e) {
            if (!BrokerErrors.notFound(e)) {
                throw e;
            }
        }
    }

    private <T> T apply(ChannelPool.ChannelCall<T> operation) throws IOException, TimeoutException {
        broker.onPooledChannel(operation);
        return record(operation);
    }

    private <T> T record(ChannelPool.ChannelCall<T> operation) throws IOException, TimeoutException {
        lock.lock();
        try {
            if (recorder == null || !Channels.usable(recorder)) {
                recorder = broker.openChannel();
            }
            try {
                return operation.call(recorder);
            } catch (IOException | RuntimeException e) {
                if (!Channels.usable(recorder)) {
                    LOG.log(Level.WARNING, "The broker refused a declaration it had just accepted ({0}); declarations"
                            + " made before may not be restored after a connection recovery", BrokerErrors.reason(e));
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }
}
