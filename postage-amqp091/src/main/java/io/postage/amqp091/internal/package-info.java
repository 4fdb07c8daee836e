/**
 * The AMQP 0-9-1 transport, not exported. {@link io.postage.amqp091.internal.Amqp091Transport}
 * owns one automatically recovering connection and splits the work over its channels: a
 * {@link io.postage.amqp091.internal.ChannelPool} of publishing channels, one channel per
 * subscription and per reply channel, and a {@link io.postage.amqp091.internal.Topology} that
 * records declarations on a channel of its own so that topology recovery can replay them. A
 * {@link io.postage.amqp091.internal.BrokerDialect}, detected from the broker's server properties,
 * absorbs what RabbitMQ, Qpid Broker-J and other brokers do differently.
 */
package io.postage.amqp091.internal;
