/**
 * What a Postage user touches: {@link io.postage.Message}, {@link io.postage.Fingerprint},
 * {@link io.postage.Exchange}, {@link io.postage.QueueSpec}, {@link io.postage.Eqk},
 * {@link io.postage.PostageConfig}, the handler annotations, {@link io.postage.MicroScheduler}
 * and the {@link io.postage.PostageException} tree.
 */
package io.postage;
