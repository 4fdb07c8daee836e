/**
 * The AMQP 1.0 transport, not exported. {@link io.postage.amqp10.internal.Amqp10Transport} owns one Qpid
 * JMS connection: a {@link io.postage.amqp10.internal.Publisher} of pooled sessions, a session per
 * subscription and per reply channel, and a {@link io.postage.amqp10.internal.Dialect} that knows the
 * broker's addresses and declares through its management interface
 * ({@link io.postage.amqp10.internal.RabbitMqDialect}, {@link io.postage.amqp10.internal.BrokerJDialect},
 * {@link io.postage.amqp10.internal.GenericDialect}).
 */
package io.postage.amqp10.internal;
