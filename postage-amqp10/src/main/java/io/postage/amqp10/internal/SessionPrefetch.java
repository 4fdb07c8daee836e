package io.postage.amqp10.internal;

import jakarta.jms.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.qpid.jms.JmsDestination;
import org.apache.qpid.jms.JmsSession;
import org.apache.qpid.jms.policy.JmsPrefetchPolicy;

/**
 * Qpid JMS's credit per consumer, chosen per session: a subscription's session gets its prefetch, every
 * other consumer (reply queues, the management node's replies) {@value #DEFAULT}. Qpid JMS configures
 * prefetch per connection; this policy, shared by the connection, makes it per subscription.
 */
final class SessionPrefetch implements JmsPrefetchPolicy {
    /** The credit of consumers that are not subscriptions. */
    static final int DEFAULT = 100;

    private final Map<Session, Integer> prefetches = new ConcurrentHashMap<>();

    /**
     * @param session a subscription's session, before its consumer is created
     * @param prefetch the consumer's credit
     */
    void set(Session session, int prefetch) {
        prefetches.put(session, prefetch);
    }

    /** @param session a closed subscription's session */
    void forget(Session session) {
        prefetches.remove(session);
    }

    /** @return this policy: one instance serves the connection and all its sessions */
    @Override
    public JmsPrefetchPolicy copy() {
        return this;
    }

    @Override
    public int getConfiguredPrefetch(JmsSession session, JmsDestination destination, boolean durable, boolean browser) {
        return prefetches.getOrDefault(session, DEFAULT);
    }
}
