package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecoveryPolicyTest {

    @Test
    void delaysDoubleFromTheInitialDelayUpToTheCap() {
        RecoveryPolicy policy = new RecoveryPolicy(Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(10));

        assertThat(IntStream.range(0, 7).mapToObj(policy::delayBefore).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
        assertThat(policy.delayBefore(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void theDefaultRetriesFastFirstAndAtMostEveryFiveSeconds() {
        assertThat(PostageConfig.defaults().recovery()).isEqualTo(RecoveryPolicy.DEFAULT);
        assertThat(RecoveryPolicy.DEFAULT.delayBefore(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(RecoveryPolicy.DEFAULT.delayBefore(20)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RecoveryPolicy.DEFAULT.operationWait()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new RecoveryPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial delay");
        assertThatThrownBy(() -> new RecoveryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum delay");
        assertThatThrownBy(() -> new RecoveryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operation wait");
    }

    @Test
    void theEnvironmentSetsTheRecoveryPolicyAndCodeWins() {
        PostageConfig config = PostageConfig.fromEnvironment(Map.of("POSTAGE_RECOVERY_DELAY_MS", "50",
                "POSTAGE_RECOVERY_MAX_DELAY_MS", "2000", "POSTAGE_RECOVERY_WAIT_MS", "30000"));
        assertThat(config.recovery()).isEqualTo(new RecoveryPolicy(Duration.ofMillis(50), Duration.ofSeconds(2),
                Duration.ofSeconds(30)));
        assertThat(config.toString()).contains("recovery=");
        assertThat(config.toBuilder().build()).isEqualTo(config);

        RecoveryPolicy inCode = new RecoveryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO);
        assertThat(config.toBuilder().recovery(inCode).build().recovery()).isEqualTo(inCode);
        // An initial delay above the default cap raises the cap with it.
        assertThat(PostageConfig.fromEnvironment(Map.of("POSTAGE_RECOVERY_DELAY_MS", "8000")).recovery().maxDelay())
                .isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aBadRecoveryVariableIsAConfigurationErrorNamingIt() {
        assertThatThrownBy(() -> PostageConfig.fromEnvironment(Map.of("POSTAGE_RECOVERY_WAIT_MS", "10s")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("POSTAGE_RECOVERY_WAIT_MS")
                .hasMessageContaining("10s");
        assertThatThrownBy(() -> PostageConfig.fromEnvironment(Map.of("POSTAGE_RECOVERY_DELAY_MS", "500",
                "POSTAGE_RECOVERY_MAX_DELAY_MS", "100")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("POSTAGE_RECOVERY_MAX_DELAY_MS")
                .hasMessageContaining("maximum delay");
    }
}
