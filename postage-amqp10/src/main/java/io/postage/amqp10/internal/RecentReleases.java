package io.postage.amqp10.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ids of the messages this transport gave back to the broker (released) after a handler saw them, so
 * that their next delivery counts as redelivered: RabbitMQ and Qpid Broker-J do not count a release as a
 * delivery attempt, so AMQP 1.0 would not say so. Remembers the most recent {@value #CAPACITY}.
 */
final class RecentReleases {
    private static final int CAPACITY = 10_000;

    private final Set<String> ids = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<String, Boolean>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > CAPACITY;
                }
            }));

    /** @param messageId the id of a message given back, if it has one */
    void released(String messageId) {
        if (messageId != null) {
            ids.add(messageId);
        }
    }

    /**
     * @param messageId the id of a message just delivered, if it has one
     * @return whether this transport gave it back before (and forgets it)
     */
    boolean wasReleased(String messageId) {
        return messageId != null && ids.remove(messageId);
    }
}
