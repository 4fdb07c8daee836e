package io.postage.demos;

import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.BrokerKind;
import io.postage.testkit.junit.PostageBroker;

/** The demos on the embedded Qpid Broker-J, as a newcomer without RabbitMQ runs them. */
@PostageBroker(BrokerKind.EMBEDDED)
class DemosOnEmbeddedBrokerTest extends DemosContract {
    DemosOnEmbeddedBrokerTest(BrokerInfo broker) {
        super(broker);
    }
}
