package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theDefaultIsOneAttemptWithoutRetryAsInPostage1() {
        ProcessorSettings settings = ProcessorSettings.of(PostageConfig.builder().build());

        assertThat(settings.retryPolicy()).isEqualTo(RetryPolicy.NONE);
        assertThat(RetryPolicy.NONE.allowsRetryAfter(1)).isFalse();
    }

    @Test
    void backoffGrowsByTheMultiplierUpToTheMaximum() {
        RetryPolicy policy = RetryPolicy.attempts(6).withBackoff(Duration.ofMillis(100), 3, Duration.ofSeconds(2));

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(900));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(1_000)).as("no overflow").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retriesAreAllowedUntilMaxAttemptsFailed() {
        RetryPolicy policy = RetryPolicy.attempts(3);

        assertThat(policy.allowsRetryAfter(1)).isTrue();
        assertThat(policy.allowsRetryAfter(2)).isTrue();
        assertThat(policy.allowsRetryAfter(3)).isFalse();
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void badValuesAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> RetryPolicy.attempts(0)).hasMessageContaining("maxAttempts").hasMessageContaining("0");
        assertThatThrownBy(() -> RetryPolicy.attempts(2).withBackoff(Duration.ofMillis(-1), 2, Duration.ZERO))
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> RetryPolicy.attempts(2).withBackoff(Duration.ZERO, 0.5, Duration.ZERO))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.attempts(2).withBackoff(Duration.ZERO, Double.NaN, Duration.ZERO))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.attempts(2).withBackoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
    }
}
