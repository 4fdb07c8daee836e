package io.postage.amqp10.internal;

/**
 * The AMQP 1.0 outcomes a delivery is settled with, as Qpid JMS's {@code JMS_AMQP_ACK_TYPE} numbers them.
 * {@code MODIFIED} is never used: RabbitMQ answers it by closing the session.
 */
enum Disposition {
    /** Processed: the broker forgets the message. */
    ACCEPTED(1),
    /** Refused: the broker drops or dead-letters the message (on Qpid Broker-J: if the queue allows one delivery). */
    REJECTED(2),
    /** Given back: the broker delivers the message again. */
    RELEASED(3);

    /** The message property that tells Qpid JMS how to settle a delivery on {@code acknowledge()}. */
    static final String ACK_TYPE = "JMS_AMQP_ACK_TYPE";

    private final int ackType;

    Disposition(int ackType) {
        this.ackType = ackType;
    }

    /** @return the value of {@value #ACK_TYPE} */
    int ackType() {
        return ackType;
    }
}
