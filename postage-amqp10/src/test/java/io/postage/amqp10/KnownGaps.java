package io.postage.amqp10;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The compatibility kit's behaviours that AMQP 1.0 cannot show on a broker, each disabled with the reason
 * (shown in the test report, never silently), as docs/BROKERS-amqp10.md explains them.
 */
final class KnownGaps implements ExecutionCondition {
    private static final String CREDIT = "Qpid JMS grants link credit as it hands a message to the listener, not as it"
            + " is settled, so a busy consumer holds one more message in its client (BROKERS-amqp10.md, prefetch)";
    private static final String REDELIVERED = "neither broker tells an AMQP 1.0 consumer that a message whose consumer"
            + " died was delivered before (no delivery-count); only this transport's own releases are remembered";
    private static final String UNROUTABLE = "neither broker tells an AMQP 1.0 sender that no queue took its message"
            + " (both accept it), so a mandatory publish is refused with UnsupportedFeatureException (Amqp10TransportTest)";
    private static final Map<String, String> ALWAYS = Map.of(
            "withPrefetchOneABusyProcessorLeavesTheRestOfTheQueueToAnother", CREDIT,
            "theUnsettledDeliveriesOfAConsumerWhoseConnectionClosesAreRedeliveredToAnother", REDELIVERED,
            "aMandatoryMessageNoQueueTakesFailsNamingTheExchangeAndKey", UNROUTABLE);
    private static final String NOT_ASCII = "RabbitMQ 3.x's AMQP 1.0 plugin drops the connection on non-ASCII addresses;"
            + " the transport refuses such names with UnsupportedFeatureException";
    private static final Map<String, String> RABBITMQ = Map.of(
            "unicodeNamesKeysAndParametersSurvive", NOT_ASCII,
            "unicodeBodiesRoutingKeysAndHeadersArriveUnchanged", NOT_ASCII);
    private static final String MEMORY_STORE = "Qpid Broker-J's memory store refuses persistent"
            + " messages over AMQP 1.0, so they are sent, and arrive, as non-persistent";
    private static final Map<String, String> EMBEDDED = Map.of(
            "aPublishedMessageArrivesWithItsBodyPropertiesAndHeaders", MEMORY_STORE,
            "aConfirmingProducerMakesMessagesToDurableExchangesPersistentAndOthersNot", MEMORY_STORE);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> test = context.getTestMethod().map(method -> method.getName());
        if (test.isEmpty()) {
            return ConditionEvaluationResult.enabled("not a test method");
        }
        boolean embedded = context.getUniqueId().contains(Amqp10EmbeddedCompatibilityTest.class.getSimpleName())
                || "embedded".equals(System.getenv("POSTAGE_TEST_BROKER")) || !TestBroker.rabbitMqAnswers();
        String reason = ALWAYS.getOrDefault(test.get(), (embedded ? EMBEDDED : RABBITMQ).get(test.get()));
        return reason == null ? ConditionEvaluationResult.enabled("the transport shows it")
                : ConditionEvaluationResult.disabled("Known AMQP 1.0 gap: " + reason);
    }
}
