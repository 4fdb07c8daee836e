package io.postage.benchmarks.e2e;

import com.rabbitmq.client.ConfirmListener;
import java.io.IOException;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * amqp-client's asynchronous publisher confirms as its documentation writes them: the sequence numbers
 * not yet confirmed in a sorted set, a listener removing one (or, for {@code multiple}, all up to it).
 */
final class RawConfirmListener implements ConfirmListener {
    private final NavigableSet<Long> unconfirmed = new ConcurrentSkipListSet<>();
    private final Confirms confirms;

    /**
     * @param confirms the window to report the confirms to
     */
    RawConfirmListener(Confirms confirms) {
        this.confirms = confirms;
    }

    /**
     * @param sequenceNumber the channel's {@code getNextPublishSeqNo()}, just before the publish
     */
    void publishing(long sequenceNumber) {
        unconfirmed.add(sequenceNumber);
    }

    @Override
    public void handleAck(long deliveryTag, boolean multiple) {
        confirms.confirmed(remove(deliveryTag, multiple));
    }

    @Override
    public void handleNack(long deliveryTag, boolean multiple) {
        confirms.failed(new IOException("The broker nacked publish " + deliveryTag), remove(deliveryTag, multiple));
    }

    private int remove(long deliveryTag, boolean multiple) {
        if (!multiple) {
            return unconfirmed.remove(deliveryTag) ? 1 : 0;
        }
        NavigableSet<Long> upTo = unconfirmed.headSet(deliveryTag, true);
        int removed = 0;
        while (upTo.pollFirst() != null) {
            removed++;
        }
        return removed;
    }
}
