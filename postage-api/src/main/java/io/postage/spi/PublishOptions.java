package io.postage.spi;

/**
 * What a confirmed publish ({@link Transport#publishConfirmed}) asks of the broker besides storing the
 * message.
 *
 * @param mandatory whether a message no queue takes fails with
 *     {@link io.postage.PublishException.Reason#UNROUTABLE} instead of being dropped
 */
public record PublishOptions(boolean mandatory) {
    /** Confirmed only. */
    public static final PublishOptions CONFIRMED = new PublishOptions(false);
    /** Confirmed, and unroutable messages fail. */
    public static final PublishOptions MANDATORY = new PublishOptions(true);
}
