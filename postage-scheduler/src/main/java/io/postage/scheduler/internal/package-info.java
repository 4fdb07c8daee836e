/**
 * The two schedulers behind {@link io.postage.MicroScheduler}, their providers and the small
 * pieces they share: running one call of a microthread ({@link io.postage.scheduler.internal.MicroThreadRunner}),
 * the run-once lifecycle ({@link io.postage.scheduler.internal.Phase}) and interrupt-aware waits
 * ({@link io.postage.scheduler.internal.Monitor}). Not exported.
 */
package io.postage.scheduler.internal;
