package io.postage.amqp10;

import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.TransportCompatibilityKit;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The AMQP 1.0 transport keeps every behaviour of the kit, on the broker the machine has (RabbitMQ in CI). The
 * kit's configuration hook needs no override: the transport takes the broker's AMQP 0-9-1 style URI
 * (credentials and virtual host in it) as its own.
 */
@PostageBroker
@ExtendWith(KnownGaps.class)
class Amqp10CompatibilityTest extends TransportCompatibilityKit {

    @Override
    protected String transportId() {
        return "amqp10";
    }
}
