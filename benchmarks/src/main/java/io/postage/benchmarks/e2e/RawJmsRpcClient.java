package io.postage.benchmarks.e2e;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An RPC client written with bare Qpid JMS: one connection, a session consuming the replies from a queue
 * of its own (a temporary queue on Broker-J; on RabbitMQ 3.10, which has none over AMQP 1.0, a queue
 * declared over AMQP 0-9-1), and a session publishing the requests under a lock, replies matched by
 * correlation id.
 */
final class RawJmsRpcClient implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;
    /** The credit of the reply consumer: Qpid JMS's default. */
    private static final int REPLY_CREDIT = 1000;

    private final Connection connection;
    private final Session publishing;
    private final MessageProducer producer;
    private final Destination replyTo;
    private final Target.Declared replyQueue;
    private final Map<String, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private RawJmsRpcClient(Connection connection, Session publishing, Destination replyTo, Target.Declared replyQueue)
            throws JMSException {
        this.connection = connection;
        this.publishing = publishing;
        this.producer = publishing.createProducer(null);
        this.replyTo = replyTo;
        this.replyQueue = replyQueue;
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
    }

    /**
     * @param target the broker
     * @return the client, consuming its replies
     * @throws Exception if the broker refuses
     */
    static RawJmsRpcClient open(Target target) throws Exception {
        Connection connection = target.jmsConnectionFactory(REPLY_CREDIT).createConnection();
        try {
            Session consuming = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Destination replyTo;
            Target.Declared replyQueue;
            if (target.rabbitmq()) {
                String name = Variant.uniqueName("raw-jms-replies");
                replyQueue = target.declare(name, null);
                replyTo = consuming.createQueue(target.queueAddress(name));
            } else {
                replyTo = consuming.createTemporaryQueue();
                replyQueue = () -> { };
            }
            RawJmsRpcClient client = new RawJmsRpcClient(connection,
                    connection.createSession(false, Session.AUTO_ACKNOWLEDGE), replyTo, replyQueue);
            consuming.createConsumer(replyTo).setMessageListener(reply -> {
                try {
                    CompletableFuture<byte[]> call = client.pending.remove(reply.getJMSCorrelationID());
                    if (call != null) {
                        call.complete(RawJmsBodies.read(reply));
                    }
                } catch (JMSException e) {
                    throw new IllegalStateException("Cannot read a reply", e);
                }
            });
            connection.start();
            return client;
        } catch (Exception e) {
            connection.close();
            throw e;
        }
    }

    /**
     * @param address where the request goes
     * @param request the request's body
     * @return the reply's content
     * @throws Exception if no reply comes within 10 s
     */
    Map<String, Object> call(Destination address, byte[] request) throws Exception {
        String id = Long.toString(ids.incrementAndGet());
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (publishing) {
            BytesMessage message = RawJmsBodies.write(publishing, request);
            message.setJMSCorrelationID(id);
            message.setJMSReplyTo(replyTo);
            producer.send(address, message);
        }
        return Envelopes.content(reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    /**
     * @param address an AMQP 1.0 address
     * @return it as a destination of the publishing session
     * @throws JMSException if the session is closed
     */
    Destination destination(String address) throws JMSException {
        return publishing.createQueue(address);
    }

    @Override
    public void close() throws JMSException, IOException, TimeoutException {
        try {
            connection.close();
        } finally {
            replyQueue.close();
        }
    }
}
