package io.postage.benchmarks.e2e;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.Map;

/**
 * The baseline of {@link PostageRpc}: an echo server and a {@link RawRpcClient} on the bare amqp-client
 * with its defaults, the server's prefetch being the number of callers, the bodies the same envelopes
 * read and written with jackson-databind.
 *
 * @param callers how many callers at once
 */
record RawRpc(int callers) implements Variant {
    private static final String KEY = "rpc";

    @Override
    public String name() {
        return "raw amqp-client";
    }

    @Override
    public boolean baseline() {
        return true;
    }

    @Override
    public Sample run(Target target, Timing timing) throws Exception {
        String name = Variant.uniqueName("raw-rpc");
        ConnectionFactory factory = target.connectionFactory();
        try (Connection serving = factory.newConnection("bench raw server");
                Connection calling = factory.newConnection("bench raw client")) {
            serve(serving.createChannel(), name);
            RawRpcClient client = RawRpcClient.open(calling, target.rabbitmq());
            return new RpcLoad().drive(callers, sent -> {
                Map<String, Object> reply = client.call(name, KEY, Envelopes.command("echo", "rpc", sent));
                if (!"success".equals(reply.get("type"))) {
                    throw new IllegalStateException("The call failed: " + reply);
                }
            }, timing);
        }
    }

    private void serve(Channel channel, String name) throws Exception {
        RawQueues.declare(channel, name, KEY, callers);
        channel.basicConsume(name, false, (tag, delivery) -> {
            Map<String, Object> content = Envelopes.content(delivery.getBody());
            AMQP.BasicProperties request = delivery.getProperties();
            AMQP.BasicProperties properties = Envelopes.JSON.builder().correlationId(request.getCorrelationId()).build();
            channel.basicPublish("", request.getReplyTo(), properties, Envelopes.result(content.get("parameters")));
            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        }, tag -> { });
    }
}
