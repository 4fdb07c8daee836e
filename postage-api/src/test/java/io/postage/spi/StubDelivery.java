package io.postage.spi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of a delivery for API tests: it tells the queue and redelivered flag it was made with, records how
 * it was settled and refuses a second settlement, as the transports' deliveries do.
 */
public final class StubDelivery implements Delivery {

    private final String queue;
    private final boolean redelivered;
    private final List<String> settlements = new CopyOnWriteArrayList<>();

    /**
     * @param queue the queue it came from
     * @param redelivered whether the broker delivered it before
     */
    public StubDelivery(String queue, boolean redelivered) {
        this.queue = queue;
        this.redelivered = redelivered;
    }

    /** @return how it was settled so far: "ack", "requeue" or "reject" */
    public List<String> settlements() {
        return settlements;
    }

    @Override
    public byte[] body() {
        return new byte[0];
    }

    @Override
    public MessageProperties properties() {
        return MessageProperties.NONE;
    }

    @Override
    public String queue() {
        return queue;
    }

    @Override
    public boolean redelivered() {
        return redelivered;
    }

    @Override
    public void ack() {
        settle("ack");
    }

    @Override
    public void reject(boolean requeue) {
        settle(requeue ? "requeue" : "reject");
    }

    private synchronized void settle(String how) {
        if (!settlements.isEmpty()) {
            throw new IllegalStateException("settled already");
        }
        settlements.add(how);
    }
}
