package io.postage.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.postage.PostageConfig;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;

@Timeout(60)
@PostageBroker(BrokerKind.EMBEDDED)
class PostageBrokerExtensionTest {
    private static final Logger TESTCONTAINERS_LOG = Logger.getLogger("org.testcontainers");

    private final BrokerInfo fromConstructor;
    private BrokerInfo fromBeforeEach;

    PostageBrokerExtensionTest(BrokerInfo broker) {
        this.fromConstructor = broker;
    }

    @BeforeEach
    void keep(BrokerInfo broker) {
        fromBeforeEach = broker;
    }

    @Test
    void theEmbeddedBrokerIsInjectedAndAnswersOnItsUri(BrokerInfo broker, PostageConfig config) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri091());
        try (Connection connection = factory.newConnection()) {
            assertThat(connection.getServerProperties().get("product").toString()).contains("Qpid Broker-J");
        }
        assertThat(broker.kind()).isEqualTo(BrokerKind.EMBEDDED);
        assertThat(broker.product()).isEqualTo(BrokerInfo.QPID_BROKER_J);
        assertThat(broker.isRabbitMq()).isFalse();
        assertThat(broker.uri10()).startsWith("amqp://127.0.0.1:");
        assertThat(config).isEqualTo(broker.config());
        assertThat(config.uri()).hasValueSatisfying(uri -> assertThat(uri).hasToString(broker.uri091()));
    }

    @Test
    void everyParameterGetsTheOneBrokerOfTheJvm(BrokerInfo broker) {
        assertThat(fromConstructor).isSameAs(fromBeforeEach).isSameAs(broker);
    }

    @Test
    void uniqueNamesKeepThePrefixAndNeverRepeat(BrokerInfo broker) {
        assertThat(broker.unique("echo")).startsWith("echo-").hasSize("echo-".length() + 8)
                .isNotEqualTo(broker.unique("echo"));
    }

    @Test
    void itsDescriptionNamesTheBrokerButNotThePassword(BrokerInfo broker) {
        assertThat(broker.toString()).startsWith("the embedded Qpid Broker-J at amqp://guest:****@127.0.0.1:")
                .doesNotContain("guest:guest");
    }

    @Nested
    class InANestedClass {
        @Test
        void theEnclosingClassesKindApplies(BrokerInfo broker) {
            assertThat(broker).isSameAs(fromConstructor);
        }
    }

    @Test
    void testcontainersTestsAreSkippedWithTheReasonWhereDockerIsMissing() {
        // Testcontainers reports the missing Docker at length: that is the point here, so keep it out of the build log.
        TESTCONTAINERS_LOG.setLevel(Level.OFF);
        try {
            Assumptions.assumeFalse(ContainerBroker.dockerAvailable(), "Docker is here, so the skip cannot be seen");

            EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsDocker.class)).execute()
                    .containerEvents().assertThatEvents().haveExactly(1, event(container(NeedsDocker.class),
                            abortedWithReason(message("@PostageBroker(TESTCONTAINERS) needs Docker, and Testcontainers finds none"))));
        } finally {
            TESTCONTAINERS_LOG.setLevel(null);
        }
    }

    /** Run by the test above only: surefire leaves nested classes alone. */
    @PostageBroker(BrokerKind.TESTCONTAINERS)
    static final class NeedsDocker {
        @Test
        void neverRuns(BrokerInfo broker) {
            throw new AssertionError("ran on " + broker);
        }
    }
}
