package io.postage.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs every end-to-end scenario once, briefly, on the embedded broker, so that none can rot; nothing is timed. */
@Tag("slow")
@Timeout(120)
class EndToEndSmokeTest {

    @Test
    void everyVariantOfEveryScenarioMovesMessagesOnTheEmbeddedBroker(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("e2e.json");

        EndToEnd.main("--brokers", "embedded", "--warmup", "300ms", "--measure", "500ms", "--rounds", "1",
                "--json", json.toString());

        JsonNode results = new ObjectMapper().readTree(json.toFile()).get("results");
        assertThat(results).hasSize(Scenario.all().stream().mapToInt(scenario -> scenario.variants().size()).sum());
        assertThat(results).allSatisfy(result -> {
            assertThat(result.get("error").isNull()).as("%s failed: %s", result, result.get("error")).isTrue();
            assertThat(result.get("median").get("messagesPerSecond").asDouble()).as("%s", result).isPositive();
        });
    }
}
