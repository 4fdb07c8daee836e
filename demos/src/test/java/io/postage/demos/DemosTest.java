package io.postage.demos;

import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;

/** The demos on the broker the tests use (RabbitMQ in CI). */
@PostageBroker
class DemosTest extends DemosContract {
    DemosTest(BrokerInfo broker) {
        super(broker);
    }
}
