package io.postage.amqp091.components;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.postage.testkit.junit.BrokerInfo;

/** The raw amqp-client, for speaking the wire format without Postage. */
final class RawAmqp {
    private RawAmqp() {
    }

    /** @return a connection to the broker's AMQP 0-9-1 URI */
    static Connection connect(BrokerInfo broker) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri091());
        return factory.newConnection("postage-test-raw");
    }
}
