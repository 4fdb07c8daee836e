package io.postage.benchmarks.e2e;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An RPC client written with the bare amqp-client, as its documentation suggests: one channel that
 * consumes the replies (direct reply-to where the broker has it, else a server-named exclusive queue)
 * and publishes the requests, replies matched by correlation id.
 */
final class RawRpcClient {
    private static final String DIRECT_REPLY_TO = "amq.rabbitmq.reply-to";
    private static final long TIMEOUT_SECONDS = 10;

    private final Channel channel;
    private final String replyTo;
    private final Map<String, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private RawRpcClient(Channel channel, String replyTo) {
        this.channel = channel;
        this.replyTo = replyTo;
    }

    /**
     * @param connection the client's connection
     * @param directReplyTo whether the broker has direct reply-to
     * @return the client, consuming its replies
     * @throws IOException if the broker refuses
     */
    static RawRpcClient open(Connection connection, boolean directReplyTo) throws IOException {
        Channel channel = connection.createChannel();
        RawRpcClient client = new RawRpcClient(channel, directReplyTo ? DIRECT_REPLY_TO : channel.queueDeclare().getQueue());
        channel.basicConsume(client.replyTo, true, (tag, delivery) -> {
            CompletableFuture<byte[]> call = client.pending.remove(delivery.getProperties().getCorrelationId());
            if (call != null) {
                call.complete(delivery.getBody());
            }
        }, tag -> { });
        return client;
    }

    /**
     * @param exchange where the request goes
     * @param key its routing key
     * @param request the request's body
     * @return the reply's content
     * @throws Exception if no reply comes within 10 s
     */
    Map<String, Object> call(String exchange, String key, byte[] request) throws Exception {
        String id = Long.toString(ids.incrementAndGet());
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        pending.put(id, reply);
        AMQP.BasicProperties properties = Envelopes.JSON.builder().replyTo(replyTo).correlationId(id).build();
        synchronized (channel) {
            channel.basicPublish(exchange, key, properties, request);
        }
        return Envelopes.content(reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
}
