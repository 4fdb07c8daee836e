package io.postage.testkit.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import java.nio.charset.StandardCharsets;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded broker speaks both protocols on one port, and the two client libraries, whose Netty
 * versions clash unless the parent pom aligns them, load and work in one JVM.
 */
@Timeout(60)
class EmbeddedBrokerTest {
    private static EmbeddedBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aMessagePublishedOverAmqp091IsConsumedOverAmqp10InTheSameJvm() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri091());
        JmsConnectionFactory jms = new JmsConnectionFactory("guest", "guest", broker.uri10() + "?jms.requestTimeout=5000");
        try (Connection connection = factory.newConnection(); JMSContext context = jms.createContext()) {
            Channel channel = connection.createChannel();
            channel.queueDeclare("crossing", false, false, true, null);
            try (JMSConsumer consumer = context.createConsumer(context.createQueue("crossing"))) {
                channel.basicPublish("", "crossing",
                        new AMQP.BasicProperties.Builder().contentType("application/octet-stream").build(),
                        "hello from 0-9-1".getBytes(StandardCharsets.UTF_8));

                BytesMessage received = (BytesMessage) consumer.receive(10_000);

                assertThat(received).as("the 1.0 consumer got the 0-9-1 message").isNotNull();
                assertThat(new String(received.getBody(byte[].class), StandardCharsets.UTF_8)).isEqualTo("hello from 0-9-1");
            }
        }
    }

    @Test
    void theServerPropertiesNameTheProductSoTransportsCanTellItFromRabbitMq() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri091());
        try (Connection connection = factory.newConnection()) {
            assertThat(connection.getServerProperties().get("product").toString()).contains("Qpid Broker-J");
        }
    }
}
