package io.postage.reliability;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.postage.DeadLetterHeaders;
import io.postage.QueueSpec;
import io.postage.testkit.junit.BrokerInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The raw AMQP 0-9-1 side of a poison test: publishes bodies as any client could (no Postage, publisher
 * confirms so that none is lost on the way), and collects what reaches a dead-letter queue with its headers.
 */
final class DeadLetters implements AutoCloseable {

    /**
     * A message read from the dead-letter queue.
     *
     * @param body the body
     * @param headers its headers, long strings as strings
     */
    record DeadLetter(byte[] body, Map<String, Object> headers) {
        String reason() {
            return String.valueOf(headers.get(DeadLetterHeaders.REASON));
        }

        int attempts() {
            return ((Number) headers.get(DeadLetterHeaders.ATTEMPTS)).intValue();
        }
    }

    private static final AMQP.BasicProperties JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").build();

    private final Connection connection;
    private final Channel publishing;
    private final List<DeadLetter> received = new CopyOnWriteArrayList<>();

    /** @param broker the broker to connect to over AMQP 0-9-1 */
    DeadLetters(BrokerInfo broker) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri091());
        connection = factory.newConnection("postage-poison-test");
        publishing = connection.createChannel();
        publishing.confirmSelect();
    }

    /**
     * Starts collecting a dead-letter queue, acknowledging as it goes.
     *
     * @param queue the dead-letter queue, declared already
     */
    void collect(String queue) throws IOException {
        Channel channel = connection.createChannel();
        channel.basicQos(100);
        channel.basicConsume(queue, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                Map<String, Object> headers = new HashMap<>();
                if (properties.getHeaders() != null) {
                    properties.getHeaders().forEach((key, value) -> headers.put(key,
                            value instanceof Number || value instanceof Boolean ? value : String.valueOf(value)));
                }
                received.add(new DeadLetter(body, headers));
            }
        });
    }

    /**
     * Publishes bodies with content type {@code application/json} and waits for the broker's confirms.
     *
     * @param exchange the exchange
     * @param routingKey the routing key
     * @param bodies the bodies, in this order
     */
    void publish(String exchange, String routingKey, List<byte[]> bodies) throws Exception {
        for (byte[] body : bodies) {
            publishing.basicPublish(exchange, routingKey, JSON, body);
        }
        publishing.waitForConfirmsOrDie(Duration.ofSeconds(30).toMillis());
    }

    /** @return what reached the dead-letter queue so far */
    List<DeadLetter> received() {
        return List.copyOf(received);
    }

    /**
     * @param count how many to wait for
     * @param timeout how long at most
     * @return what reached the dead-letter queue by then
     */
    List<DeadLetter> awaitAtLeast(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return received();
    }

    /**
     * Deletes the dead-letter queue and exchange a processor declared for a queue (Postage never deletes
     * them: dead letters outlive their queue). Call it once the queue is gone, since Qpid Broker-J refuses
     * to delete an exchange that a queue dead-letters to.
     *
     * @param queue the queue whose dead-letter queue and exchange go
     */
    void deleteDeadLetterQueueOf(QueueSpec queue) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.queueDelete(queue.deadLetterQueue());
            channel.exchangeDelete(queue.deadLetterExchange());
        }
    }

    /** @param queue a queue to delete */
    void deleteQueue(String queue) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.queueDelete(queue);
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
