package io.postage.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.BrokerKind;
import io.postage.testkit.junit.PostageBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every end-to-end scenario once, briefly, on RabbitMQ (AMQP 0-9-1, AMQP 1.0 through its plugin and
 * management API, and across the two), so that none can rot where CI has RabbitMQ; nothing is timed.
 */
@PostageBroker(BrokerKind.RABBITMQ)
@Tag("slow")
@Timeout(120)
class EndToEndRabbitMqSmokeTest {

    @Test
    void everyVariantOfEveryScenarioMovesMessagesOnRabbitMq(BrokerInfo broker, @TempDir Path dir) throws Exception {
        Path json = dir.resolve("e2e.json");

        EndToEnd.main("--brokers", "rabbitmq", "--rabbitmq-uri", broker.uri091(), "--warmup", "300ms",
                "--measure", "500ms", "--rounds", "1", "--json", json.toString());

        JsonNode results = new ObjectMapper().readTree(json.toFile()).get("results");
        assertThat(results).hasSize(Scenario.all().stream().mapToInt(scenario -> scenario.variants().size()).sum());
        assertThat(results).allSatisfy(result -> {
            assertThat(result.get("error").isNull()).as("%s failed: %s", result, result.get("error")).isTrue();
            assertThat(result.get("median").get("messagesPerSecond").asDouble()).as("%s", result).isPositive();
        });
    }
}
