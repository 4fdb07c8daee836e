package io.postage.testkit.kit;

import io.postage.PostageConfig;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;

/**
 * What every Postage transport does against a real broker, through its SPI
 * ({@link io.postage.spi.Transport}) and through the components built on it
 * ({@link io.postage.Producer}, processors in a {@link io.postage.MicroScheduler}): publish and
 * consume; direct, topic and fanout routing; round robin and fan-out; prefetch, rejects,
 * dead-lettering and redelivery; RPC reply channels and calls (results of every kind, timeouts and
 * retries, a hundred concurrent calls); confirmed, pipelined and mandatory publishes and persistence; 10 MiB and unicode messages; declarations and the failures
 * that name what failed; runtime bindings and {@code quit}; retries of failing handlers and
 * dead-lettering with the reason in headers. A transport's test extends it and names
 * the transport; {@link PostageBroker} on the subclass picks the broker.
 *
 * {@snippet :
 * @PostageBroker
 * class Amqp091CompatibilityTest extends TransportCompatibilityKit {
 *     @Override
 *     protected String transportId() {
 *         return "amqp091";
 *     }
 * }
 * }
 *
 * <p>The components need a codec ({@code postage-codec-json}) and a scheduler
 * ({@code postage-scheduler}) on the test class path. Everything a test declares has a name of its
 * own and goes away with the test's connections, so tests run in any order on a shared broker.
 */
@Timeout(60)
public abstract class TransportCompatibilityKit {
    private KitContext kit;

    /** For subclasses. */
    protected TransportCompatibilityKit() {
    }

    /** @return the id of the transport under test, as {@link io.postage.Providers#transport(String)} knows it */
    protected abstract String transportId();

    /**
     * @param broker the broker of the test
     * @return how the transport under test connects to it; by default its AMQP 0-9-1 URI
     */
    protected PostageConfig config(BrokerInfo broker) {
        return broker.config().toBuilder().transport(transportId()).build();
    }

    @BeforeEach
    void connectTransport(BrokerInfo broker) {
        PostageConfig config = config(broker);
        kit = new KitContext(broker, config, new TransportFixture(broker, config));
    }

    @AfterEach
    void closeEverythingOpened() {
        kit.fixture().close();
    }

    @Nested
    class PublishAndConsume extends PublishAndConsumeBehaviours {
        @Override
        KitContext kit() {
            return kit;
        }
    }

    @Nested
    class Routing extends RoutingBehaviours {
        @Override
        KitContext kit() {
            return kit;
        }
    }

    @Nested
    class Settlement extends SettlementBehaviours {
        @Override
        KitContext kit() {
            return kit;
        }
    }

    @Nested
    class ReplyChannels extends ReplyChannelsBehaviours {
        @Override
        KitContext kit() {
            return kit;
        }
    }

    @Nested
    class TopologyAndErrors extends TopologyAndErrorsBehaviours {
        @Override
        KitContext kit() {
            return kit;
        }
    }

    @Nested
    class Poison extends PoisonBehaviours {
        @Override
        KitContext kit() {
            return kit;
        }
    }

    @Nested
    class Guarantees extends GuaranteesBehaviours {
        @Override
        KitContext kit() {
            return kit;
        }
    }

    @Nested
    class Components extends ComponentsBehaviours {
        @Override
        KitContext kit() {
            return kit;
        }
    }
}
