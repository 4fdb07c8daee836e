package io.postage.spi;

/**
 * Receives deliveries from a {@link Transport} subscription. A transport calls it for one delivery
 * at a time per subscription, so a handler needs no locking for per-subscription state.
 */
@FunctionalInterface
public interface DeliveryHandler {

    /**
     * @param delivery the message; the handler (or whoever it hands it to) must settle it
     */
    void handle(Delivery delivery);
}
