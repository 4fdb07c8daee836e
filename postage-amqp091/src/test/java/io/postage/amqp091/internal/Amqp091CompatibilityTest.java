package io.postage.amqp091.internal;

import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.TransportCompatibilityKit;

/** The AMQP 0-9-1 transport keeps every behaviour of the kit, on the broker the machine has (RabbitMQ in CI). */
@PostageBroker
class Amqp091CompatibilityTest extends TransportCompatibilityKit {

    @Override
    protected String transportId() {
        return "amqp091";
    }
}
