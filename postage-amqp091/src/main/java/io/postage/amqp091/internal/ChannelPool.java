package io.postage.amqp091.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

/**
 * A few channels shared by the threads that publish and check exchanges. A client channel is not
 * safe for concurrent publishing, so each operation borrows a channel for itself and returns it;
 * when all are lent, the caller waits. The channels open on demand; one the broker closed for an
 * error (a publish to a missing exchange, a refused declaration) is dropped and a new one takes its
 * place, while one closed by a connection loss is kept, since automatic recovery reopens it.
 */
final class ChannelPool {

    /** Work done with a borrowed channel. */
    @FunctionalInterface
    interface ChannelCall<T> {
        /**
         * @param channel the channel, for this call only
         * @return the result
         * @throws IOException if the broker refuses or the connection fails
         * @throws TimeoutException if the broker does not answer
         */
        T call(Channel channel) throws IOException, TimeoutException;
    }

    private final Connection connection;
    private final ShutdownListener onClose;
    private final Semaphore permits;
    private final Deque<Channel> idle = new ConcurrentLinkedDeque<>();

    /**
     * @param connection where the channels open
     * @param size how many channels at most
     * @param onClose told when one of the channels closes
     */
    ChannelPool(Connection connection, int size, ShutdownListener onClose) {
        this.connection = connection;
        this.permits = new Semaphore(size);
        this.onClose = onClose;
    }

    /**
     * Runs the call on a channel of its own, waiting for one if all are lent.
     *
     * @param call the work
     * @param <T> the result type
     * @return the call's result
     * @throws IOException if the call fails, or the caller is interrupted while waiting
     * @throws TimeoutException if the broker does not answer
     */
    <T> T call(ChannelCall<T> call) throws IOException, TimeoutException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a free channel");
        }
        try {
            Channel channel = take();
            try {
                return call.call(channel);
            } finally {
                if (Channels.usable(channel)) {
                    idle.push(channel);
                }
            }
        } finally {
            permits.release();
        }
    }

    private Channel take() throws IOException {
        for (Channel channel = idle.poll(); channel != null; channel = idle.poll()) {
            if (Channels.usable(channel)) {
                return channel;
            }
        }
        Channel channel = connection.createChannel();
        if (channel == null) {
            throw new IOException("the connection has no free channel number left");
        }
        channel.addShutdownListener(onClose);
        return channel;
    }
}
