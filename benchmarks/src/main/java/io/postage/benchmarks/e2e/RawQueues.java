package io.postage.benchmarks.e2e;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;

/** The topology of the raw amqp-client variants: a throwaway direct exchange and queue of one name. */
final class RawQueues {
    private RawQueues() {
    }

    /**
     * Declares an auto-deleted direct exchange and queue named {@code name}, binds them with {@code key} and sets
     * the channel's prefetch, ready to consume the queue.
     *
     * @param channel the consuming channel
     * @param name the exchange's and queue's name
     * @param key the binding key
     * @param prefetch the consumer's prefetch
     * @throws IOException if the broker refuses
     */
    static void declare(Channel channel, String name, String key, int prefetch) throws IOException {
        channel.exchangeDeclare(name, BuiltinExchangeType.DIRECT, false, true, null);
        channel.queueDeclare(name, false, false, true, null);
        channel.queueBind(name, name, key);
        channel.basicQos(prefetch);
    }
}
