package io.postage.amqp091.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeoutException;

/** What the transport's parts need to know about a channel's state, and a quiet close. */
final class Channels {
    private static final System.Logger LOG = System.getLogger(Channels.class.getName());

    private Channels() {
    }

    /**
     * @param channel a channel
     * @return whether it is open, or closed only because the connection was lost: automatic recovery
     *     reopens such a channel in place. A channel the broker closed for an error on it stays closed.
     */
    static boolean usable(Channel channel) {
        if (channel.isOpen()) {
            return true;
        }
        ShutdownSignalException reason = channel.getCloseReason();
        return reason != null && reason.isHardError() && !reason.isInitiatedByApplication();
    }

    /**
     * Closes a channel, whatever its state: this also stops the client from reopening it on recovery.
     *
     * @param channel the channel
     */
    static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            LOG.log(Level.DEBUG, "Closing channel {0}: {1}", channel.getChannelNumber(), BrokerErrors.reason(e));
        }
    }
}
