package io.postage;

import java.util.Objects;

/**
 * How the message a handler is running for arrived: the queue it came from and whether the broker
 * delivered it before (it was requeued, or a consumer lost its connection before acknowledging it). A
 * handler method receives it by declaring a parameter of this type, in any position:
 *
 * {@snippet :
 * @MessageHandler(name = "order")
 * void order(Map<String, Object> content, DeliveryInfo delivery) {
 *     if (delivery.redelivered()) {
 *         // maybe handled before a broker restart: make the work idempotent
 *     }
 * }
 * }
 *
 * @param queue the queue the message came from
 * @param redelivered whether the broker delivered the message before
 */
public record DeliveryInfo(String queue, boolean redelivered) {
    /** Checks that the queue is not null. */
    public DeliveryInfo {
        Objects.requireNonNull(queue, "queue");
    }
}
