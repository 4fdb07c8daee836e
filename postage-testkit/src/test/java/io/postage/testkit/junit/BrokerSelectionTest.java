package io.postage.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class BrokerSelectionTest {
    private final List<URI> probed = new ArrayList<>();
    private final Function<URI, Reachability> rabbitMqAnswers = answering(Reachability.rabbitMq("3.10.8"));
    private final Function<URI, Reachability> nothingAnswers = answering(Reachability.none("connection refused"));

    private Function<URI, Reachability> answering(Reachability reachability) {
        return uri -> {
            probed.add(uri);
            return reachability;
        };
    }

    @Test
    void autoUsesTheLocalRabbitMqWhenItAnswers() {
        BrokerSelection.Choice choice = BrokerSelection.select(BrokerKind.AUTO, Map.of(), rabbitMqAnswers);

        assertThat(choice.kind()).isEqualTo(BrokerKind.RABBITMQ);
        assertThat(choice.rabbitMqUri()).hasToString("amqp://guest:guest@127.0.0.1:5672/%2F");
        assertThat(choice.reason()).isEqualTo("RabbitMQ 3.10.8 answers there");
        assertThat(probed).containsExactly(URI.create("amqp://guest:guest@127.0.0.1:5672/%2F"));
    }

    @Test
    void autoProbesTheUriTheEnvironmentNames() {
        BrokerSelection.Choice choice = BrokerSelection.select(BrokerKind.AUTO,
                Map.of("POSTAGE_TEST_URI", "amqp://bob:pw@rabbit.example:5673/tests"), rabbitMqAnswers);

        assertThat(choice.rabbitMqUri()).hasToString("amqp://bob:pw@rabbit.example:5673/tests");
        assertThat(probed).containsExactly(URI.create("amqp://bob:pw@rabbit.example:5673/tests"));
    }

    @Test
    void autoFallsBackToTheEmbeddedBrokerSayingWhyWithoutThePassword() {
        BrokerSelection.Choice choice = BrokerSelection.select(BrokerKind.AUTO,
                Map.of("POSTAGE_TEST_URI", "amqp://guest:s3cret@127.0.0.1:1/%2F"), nothingAnswers);

        assertThat(choice.kind()).isEqualTo(BrokerKind.EMBEDDED);
        assertThat(choice.reason()).isEqualTo("no RabbitMQ answers at amqp://guest:****@127.0.0.1:1/%2F (connection refused)");
    }

    @Test
    void requiredRabbitMqThatDoesNotAnswerFailsWithOneLineWithoutThePassword() {
        Map<String, String> ci = Map.of("POSTAGE_TEST_REQUIRE", "rabbitmq",
                "POSTAGE_TEST_URI", "amqp://guest:s3cret@127.0.0.1:1/%2F");

        assertThatThrownBy(() -> BrokerSelection.select(BrokerKind.AUTO, ci, nothingAnswers))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("POSTAGE_TEST_REQUIRE=rabbitmq but no RabbitMQ answers at "
                        + "amqp://guest:****@127.0.0.1:1/%2F (connection refused)");
    }

    @Test
    void requiredRabbitMqThatAnswersIsUsed() {
        assertThat(BrokerSelection.select(BrokerKind.AUTO, Map.of("POSTAGE_TEST_REQUIRE", "RabbitMQ"), rabbitMqAnswers)
                .kind()).isEqualTo(BrokerKind.RABBITMQ);
    }

    @Test
    void theEnvironmentPicksAKindWithoutProbingUnlessItIsRabbitMq() {
        BrokerSelection.Choice embedded = BrokerSelection.select(BrokerKind.AUTO,
                Map.of("POSTAGE_TEST_BROKER", "embedded"), rabbitMqAnswers);
        BrokerSelection.Choice container = BrokerSelection.select(BrokerKind.AUTO,
                Map.of("POSTAGE_TEST_BROKER", "Testcontainers"), rabbitMqAnswers);

        assertThat(embedded.kind()).isEqualTo(BrokerKind.EMBEDDED);
        assertThat(embedded.reason()).isEqualTo("POSTAGE_TEST_BROKER=embedded asks for it");
        assertThat(container.kind()).isEqualTo(BrokerKind.TESTCONTAINERS);
        assertThat(probed).isEmpty();
    }

    @Test
    void rabbitMqNamedByTheEnvironmentMustAnswer() {
        assertThatThrownBy(() -> BrokerSelection.select(BrokerKind.AUTO, Map.of("POSTAGE_TEST_BROKER", "rabbitmq"),
                nothingAnswers))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("POSTAGE_TEST_BROKER=rabbitmq but no RabbitMQ answers at "
                        + "amqp://guest:****@127.0.0.1:5672/%2F (connection refused)");
    }

    @Test
    void theAnnotationWinsOverTheEnvironment() {
        Map<String, String> environment = Map.of("POSTAGE_TEST_BROKER", "rabbitmq", "POSTAGE_TEST_REQUIRE", "rabbitmq");

        BrokerSelection.Choice choice = BrokerSelection.select(BrokerKind.EMBEDDED, environment, nothingAnswers);

        assertThat(choice.kind()).isEqualTo(BrokerKind.EMBEDDED);
        assertThat(choice.reason()).isEqualTo("@PostageBroker(EMBEDDED) asks for it");
        assertThat(probed).isEmpty();
    }

    @Test
    void rabbitMqForcedByTheAnnotationMustAnswer() {
        assertThatThrownBy(() -> BrokerSelection.select(BrokerKind.RABBITMQ, Map.of(), nothingAnswers))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@PostageBroker(RABBITMQ) but no RabbitMQ answers at ");
    }

    @Test
    void blankVariablesCountAsUnset() {
        Map<String, String> blank = Map.of("POSTAGE_TEST_BROKER", "", "POSTAGE_TEST_URI", " ", "POSTAGE_TEST_REQUIRE", "");

        assertThat(BrokerSelection.select(BrokerKind.AUTO, blank, nothingAnswers).kind()).isEqualTo(BrokerKind.EMBEDDED);
    }

    @Test
    void valuesTheSelectionCannotTakeFailNamingTheVariable() {
        assertThatThrownBy(() -> BrokerSelection.select(BrokerKind.AUTO, Map.of("POSTAGE_TEST_BROKER", "auto"),
                rabbitMqAnswers))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("POSTAGE_TEST_BROKER must be rabbitmq, embedded or testcontainers, not \"auto\"");
        assertThatThrownBy(() -> BrokerSelection.select(BrokerKind.AUTO, Map.of("POSTAGE_TEST_REQUIRE", "yes"),
                rabbitMqAnswers))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("POSTAGE_TEST_REQUIRE can only be rabbitmq, not \"yes\"");
        assertThatThrownBy(() -> BrokerSelection.select(BrokerKind.AUTO,
                Map.of("POSTAGE_TEST_URI", "http://guest:s3cret@host/"), rabbitMqAnswers))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("POSTAGE_TEST_URI: ")
                .hasMessageNotContaining("s3cret");
    }
}
