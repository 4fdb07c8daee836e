package io.postage.amqp10;

import io.postage.testkit.junit.BrokerKind;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.TransportCompatibilityKit;
import org.junit.jupiter.api.extension.ExtendWith;

/** The AMQP 1.0 transport keeps every behaviour of the kit on the embedded Qpid Broker-J too. */
@PostageBroker(BrokerKind.EMBEDDED)
@ExtendWith(KnownGaps.class)
class Amqp10EmbeddedCompatibilityTest extends TransportCompatibilityKit {

    @Override
    protected String transportId() {
        return "amqp10";
    }
}
