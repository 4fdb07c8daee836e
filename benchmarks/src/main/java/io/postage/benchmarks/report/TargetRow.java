package io.postage.benchmarks.report;

/**
 * One target of issue 7 in one setting, and whether this run met it.
 *
 * @param target the target, such as {@code dispatch <= 2 x a direct call}
 * @param setting where it was measured, such as {@code 10 handlers} or {@code rabbitmq, postage SHARED}
 * @param measured the measured ratio or amount, or why it was not measured
 * @param met whether it was met; null if it could not be measured
 */
public record TargetRow(String target, String setting, String measured, Boolean met) {
}
