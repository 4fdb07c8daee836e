/**
 * What provider authors implement: {@link io.postage.spi.EncoderProvider} (codecs),
 * {@link io.postage.spi.TransportProvider} (brokers and protocols) and
 * {@link io.postage.spi.SchedulerProvider} (microthread schedulers). Providers are registered with
 * {@code provides ... with ...} in {@code module-info.java} and in {@code META-INF/services}, and
 * picked by their stable id through {@link io.postage.Providers}.
 */
package io.postage.spi;
