package io.postage.amqp10.internal;

import jakarta.jms.Connection;

/**
 * What a transport's subscriptions share.
 *
 * @param connection the connection to open their sessions on
 * @param prefetch the connection's prefetch policy
 * @param dialect the broker's dialect
 * @param releases the messages given back, to mark their next delivery as redelivered
 */
record Consuming(Connection connection, SessionPrefetch prefetch, Dialect dialect, RecentReleases releases) {
}
