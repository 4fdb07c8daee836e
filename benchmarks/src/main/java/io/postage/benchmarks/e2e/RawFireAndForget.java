package io.postage.benchmarks.e2e;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The baseline of {@link PostageFireAndForget}: amqp-client with its defaults, a publishing connection
 * and a consuming one (as Postage's producer and processor have), {@code basicPublish} of the same body,
 * a consumer with the same prefetch that reads the body with jackson-databind and acks each message. With
 * confirms, the publishing channel is in confirm mode ({@code confirmSelect}) and a {@link RawConfirmListener}
 * reports the confirms to the window of {@link Confirms}.
 *
 * @param prefetch the consumer's prefetch
 * @param confirm whether the publisher waits for publisher confirms
 */
record RawFireAndForget(int prefetch, boolean confirm) implements Variant {
    private static final String KEY = "ff";

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
        String name = Variant.uniqueName("raw-ff");
        FireAndForgetLoad load = new FireAndForgetLoad();
        ConnectionFactory factory = target.connectionFactory();
        try (Connection consuming = factory.newConnection("bench raw consumer");
                Connection publishing = factory.newConnection("bench raw producer")) {
            Channel consumer = consuming.createChannel();
            RawQueues.declare(consumer, name, KEY, prefetch);
            consumer.basicConsume(name, false, (tag, delivery) -> {
                load.received(Envelopes.sentNanos(Envelopes.content(delivery.getBody())));
                consumer.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            }, tag -> { });
            Channel publisher = publishing.createChannel();
            if (!confirm) {
                return load.drive(sent -> publisher.basicPublish(name, KEY, Envelopes.JSON,
                        Envelopes.command("ff", "message", sent)), timing);
            }
            Confirms confirms = load.confirms();
            RawConfirmListener listener = new RawConfirmListener(confirms);
            publisher.addConfirmListener(listener);
            publisher.confirmSelect();
            return load.drive(sent -> {
                confirms.beforePublish();
                listener.publishing(publisher.getNextPublishSeqNo());
                publisher.basicPublish(name, KEY, Envelopes.JSON, Envelopes.command("ff", "message", sent));
            }, timing);
        }
    }
}
