package io.postage.benchmarks.e2e;

import java.time.Duration;

/**
 * How long each run of a variant lasts.
 *
 * @param warmup load before measuring, not recorded
 * @param measure load recorded
 */
record Timing(Duration warmup, Duration measure) {
}
