package io.postage.testkit.kit;

import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.PostageConfig;
import io.postage.Providers;
import io.postage.QueueSpec;
import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.Transport;
import io.postage.testkit.junit.BrokerInfo;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * What a transport test needs around it: a connected {@link Transport}, exchanges and queues with
 * names no other test uses, test messages, and the closing of everything it opened. Exclusive
 * queues and the auto-deleted exchanges bound to them go away with the test's connections.
 *
 * {@snippet :
 * try (TransportFixture fixture = new TransportFixture(broker, broker.config())) {
 *     Exchange exchange = fixture.exchange(ExchangeType.DIRECT);
 *     String queue = fixture.boundQueue(exchange, "key");
 *     Inbox inbox = new Inbox();
 *     fixture.closeLater(fixture.transport().consume(queue, 1, inbox.acking()));
 *     fixture.transport().publish(exchange.name(), "key", TransportFixture.command("hi"));
 *     assertThat(TransportFixture.textOf(inbox.next())).isEqualTo("hi");
 * }
 * }
 */
public final class TransportFixture implements AutoCloseable {
    /** The codec of the test messages. */
    public static final MessageCodec CODEC = MessageCodec.of("jackson");

    private final BrokerInfo broker;
    private final PostageConfig config;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final Transport transport;

    /**
     * Connects the fixture's transport.
     *
     * @param broker the broker, for unique names
     * @param config how to connect, the transport id included
     */
    public TransportFixture(BrokerInfo broker, PostageConfig config) {
        this.broker = broker;
        this.config = config;
        this.transport = connect("postage-test");
    }

    /** @return the transport connected for the test */
    public Transport transport() {
        return transport;
    }

    /**
     * @param connectionName the name the broker shows for the connection
     * @return another connected transport, closed with the fixture
     */
    public Transport connect(String connectionName) {
        return closeLater(Providers.transport(config.transport()).connect(config, connectionName));
    }

    /**
     * @param closeable a subscription, reply channel, transport...
     * @param <T> its type
     * @return the same, to be closed with the fixture (last opened, first closed)
     */
    public <T extends AutoCloseable> T closeLater(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    /**
     * @param prefix what the name says
     * @return a name no other test uses
     */
    public String unique(String prefix) {
        return broker.unique("postage-test-" + prefix);
    }

    /**
     * @param type the exchange type
     * @return a declared, auto-deleted exchange of that type
     */
    public Exchange exchange(ExchangeType type) {
        Exchange exchange = Exchange.of(unique(type.wireName()), type).withDurable(false).withAutoDelete(true);
        transport.declareExchange(exchange);
        return exchange;
    }

    /**
     * @param queue the queue to declare, named by the test
     * @return the name of the declared queue
     */
    public String declare(QueueSpec queue) {
        return transport.declareQueue(queue);
    }

    /** @return the name of a declared exclusive queue, which goes with the test's connection */
    public String exclusiveQueue() {
        return declare(QueueSpec.named(unique("queue")).withExclusive(true));
    }

    /**
     * @param exchange the exchange
     * @param routingKey the binding key
     * @return the name of a declared exclusive queue bound to the exchange with the key
     */
    public String boundQueue(Exchange exchange, String routingKey) {
        String queue = exclusiveQueue();
        transport.bindQueue(queue, exchange.name(), routingKey);
        return queue;
    }

    /**
     * @param text the {@code text} parameter
     * @return an encoded {@code echo} command with the codec's content type
     */
    public static OutgoingMessage command(String text) {
        return new OutgoingMessage(CODEC.encode(Message.command("echo", Map.of("text", text))),
                MessageProperties.of(CODEC.contentType()));
    }

    /**
     * @param delivery a delivered {@link #command(String)} or result
     * @return the command's text parameter, or the result's value
     */
    public static String textOf(Delivery delivery) {
        Message message = CODEC.decode(delivery.body());
        if (message.type().equals(Message.RESULT)) {
            return String.valueOf(message.content().get("value"));
        }
        return String.valueOf(((Map<?, ?>) message.content().get("parameters")).get("text"));
    }

    /**
     * Closes everything opened through the fixture, the last opened first.
     *
     * @throws IllegalStateException carrying the first failure to close, after trying every other
     */
    @Override
    public void close() {
        Exception failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw new IllegalStateException("What the test opened did not all close: " + failure, failure);
        }
    }
}
