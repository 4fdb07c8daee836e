package io.postage.amqp091.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.MessageProcessor;
import io.postage.MicroScheduler;
import io.postage.PostageConfig;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.Providers;
import io.postage.QueueSpec;
import io.postage.RpcHandler;
import io.postage.RpcReplies;
import io.postage.TransportException;
import io.postage.spi.Delivery;
import io.postage.spi.DeliveryHandler;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the AMQP 0-9-1 transport guarantees on every broker, however the broker differs: each broker's
 * test extends this class and says where the broker is. Everything a test declares has a name of its
 * own and goes away with the test's connections (exclusive queues, auto-deleted exchanges bound to them),
 * except the dead-letter exchanges, deleted after the test: Qpid Broker-J cannot auto-delete an exchange
 * that is a queue's alternate binding (closing the connection then fails and leaves its queues behind).
 */
@Timeout(30)
abstract class BrokerCapabilitiesContract {
    /** How long a message may take to arrive. */
    static final Duration ARRIVAL = Duration.ofSeconds(5);
    /** How long to watch for a delivery that must not come (a looping reject comes hundreds of times in it). */
    static final Duration QUIET = Duration.ofMillis(500);
    /** How long a transport may take to be usable again after the broker closed its connection. */
    static final Duration RECOVERED = Duration.ofSeconds(5);

    static final MessageCodec CODEC = MessageCodec.of("jackson");

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<String> deadLetterExchanges = new ArrayList<>();
    /** A transport connected for the current test. */
    Transport transport;

    /** @return where the broker is */
    abstract PostageConfig config();

    @BeforeEach
    void connectTransport() {
        transport = open(getClass().getSimpleName());
    }

    @AfterEach
    void closeEverythingOpened() throws Exception {
        Collections.reverse(opened);
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        if (!deadLetterExchanges.isEmpty()) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(config().uri().orElseThrow());
            try (Connection raw = factory.newConnection("caps-cleanup")) {
                Channel channel = raw.createChannel();
                for (String exchange : deadLetterExchanges) {
                    channel.exchangeDelete(exchange);
                }
            }
        }
    }

    /**
     * @param connectionName the name the broker shows
     * @return a transport, closed after the test
     */
    Transport open(String connectionName) {
        return closeAfterTest(Providers.transport("amqp091").connect(config(), connectionName));
    }

    <T extends AutoCloseable> T closeAfterTest(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    static String unique(String prefix) {
        return "postage-caps-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return a declared, auto-deleted exchange of that type */
    static Exchange exchange(Transport on, ExchangeType type) {
        Exchange exchange = Exchange.of(unique(type.wireName()), type).withDurable(false).withAutoDelete(true);
        on.declareExchange(exchange);
        return exchange;
    }

    /** @return the name of a declared exclusive queue bound to the exchange with the key */
    static String boundQueue(Transport on, Exchange exchange, String routingKey) {
        String queue = on.declareQueue(QueueSpec.named(unique("queue")).withExclusive(true));
        on.bindQueue(queue, exchange.name(), routingKey);
        return queue;
    }

    static OutgoingMessage command(String text) {
        return new OutgoingMessage(CODEC.encode(Message.command("echo", Map.of("text", text))),
                MessageProperties.of(CODEC.contentType()));
    }

    static String textOf(Delivery delivery) {
        return String.valueOf(((Map<?, ?>) CODEC.decode(delivery.body()).content().get("parameters")).get("text"));
    }

    /** Publishes through a new exchange and queue, and expects the message back: the transport works. */
    static void assertWorks(Transport on) throws InterruptedException {
        Exchange exchange = exchange(on, ExchangeType.DIRECT);
        String queue = boundQueue(on, exchange, "probe");
        Inbox inbox = new Inbox();
        try (var subscription = on.consume(queue, 1, inbox.acking())) {
            on.publish(exchange.name(), "probe", command("still working"));
            assertThat(textOf(inbox.next())).isEqualTo("still working");
        }
    }

    /** A dead-letter exchange and the inbox of the queue bound to it. */
    record DeadLetters(Exchange exchange, Inbox inbox) {
    }

    /** @return a dead-letter exchange (not auto-deleted, see above) and the inbox of a queue bound to it */
    DeadLetters deadLetters() {
        Exchange exchange = Exchange.fanout(unique("dead-letters")).withDurable(false);
        transport.declareExchange(exchange);
        deadLetterExchanges.add(exchange.name());
        Inbox inbox = new Inbox();
        closeAfterTest(transport.consume(boundQueue(transport, exchange, ""), 1, inbox.acking()));
        return new DeadLetters(exchange, inbox);
    }

    /** @return an exclusive queue with that dead-letter exchange, bound to a new exchange with key {@code job} */
    Exchange workQueue(String queue, Exchange deadLetterExchange) {
        Exchange exchange = exchange(transport, ExchangeType.DIRECT);
        transport.declareQueue(QueueSpec.named(queue).withExclusive(true).withDeadLetterExchange(deadLetterExchange.name()));
        transport.bindQueue(queue, exchange.name(), "job");
        return exchange;
    }

    @Test
    void sharedRpcRepliesReachTheirCallsByCorrelationId() throws Exception {
        Exchange exchange = Exchange.direct(unique("rpc")).withDurable(false).withAutoDelete(true);
        EchoServer server = new EchoServer(config(), Eqk.builder().exchange(exchange)
                .queue(QueueSpec.named(unique("rpc-queue")).withExclusive(true), "echo").build());
        MicroScheduler scheduler = MicroScheduler.create();
        scheduler.add(server);
        Thread running = Thread.ofPlatform().name("caps-scheduler").start(scheduler::run);
        try (Producer producer = Producer.builder(Fingerprint.of("caps_caller", "application", config()))
                .config(config()).eks(exchange, "echo").rpcReplies(RpcReplies.SHARED).build()) {
            server.awaitStarted(ARRIVAL);

            List<CompletableFuture<Message>> calls = IntStream.range(0, 20)
                    .mapToObj(i -> producer.rpcAsync("echo", i)).toList();

            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).get(ARRIVAL.toMillis(), TimeUnit.MILLISECONDS).content())
                        .containsEntry("value", i);
            }
        } finally {
            scheduler.close();
            assertThat(running.join(ARRIVAL)).as("the scheduler stopped").isTrue();
        }
    }

    @Test
    void privateReplyChannelReceivesTheReply() throws Exception {
        Exchange exchange = exchange(transport, ExchangeType.DIRECT);
        String requests = boundQueue(transport, exchange, "ask");
        closeAfterTest(transport.consume(requests, 1, request -> {
            request.ack();
            transport.reply(request.properties().replyTo().orElseThrow(), command("answer"));
        }));
        Inbox replies = new Inbox();
        ReplyChannel channel = closeAfterTest(transport.openReplyChannel(ReplyChannel.Kind.PRIVATE, replies));

        channel.publish(exchange.name(), "ask", new OutgoingMessage(command("question").body(),
                MessageProperties.of(CODEC.contentType()).withReplyTo(channel.replyTo())));

        assertThat(textOf(replies.next())).isEqualTo("answer");
    }

    @Test
    void rejectedAndFailedDeliveriesGoToTheDeadLetterExchangeExactlyOnce() throws Exception {
        DeadLetters dead = deadLetters();
        String queue = unique("work");
        Exchange exchange = workQueue(queue, dead.exchange());
        AtomicInteger deliveries = new AtomicInteger();
        closeAfterTest(transport.consume(queue, 1, delivery -> {
            deliveries.incrementAndGet();
            if (textOf(delivery).equals("rejected")) {
                delivery.reject(false);
            } else {
                throw new IllegalStateException("handler bug (expected by the test)");
            }
        }));

        transport.publish(exchange.name(), "job", command("rejected"));
        transport.publish(exchange.name(), "job", command("failed"));

        assertThat(dead.inbox().next(2)).map(BrokerCapabilitiesContract::textOf)
                .containsExactlyInAnyOrder("rejected", "failed");
        dead.inbox().expectNothing();
        assertThat(deliveries).hasValue(2);
    }

    @Test
    void requeuedMessageComesBackAndOnlyItsRejectionDeadLettersIt() throws Exception {
        DeadLetters dead = deadLetters();
        String queue = unique("work");
        Exchange exchange = workQueue(queue, dead.exchange());
        AtomicInteger deliveries = new AtomicInteger();
        closeAfterTest(transport.consume(queue, 1, delivery -> {
            deliveries.incrementAndGet();
            delivery.reject(!delivery.redelivered());
        }));

        transport.publish(exchange.name(), "job", command("twice"));

        assertThat(textOf(dead.inbox().next())).isEqualTo("twice");
        dead.inbox().expectNothing();
        assertThat(deliveries).hasValue(2);
    }

    @Test
    void rejectedMessageOfAQueueWithoutDeadLetterExchangeIsDeliveredOnceThenGone() throws Exception {
        Exchange exchange = exchange(transport, ExchangeType.DIRECT);
        String queue = boundQueue(transport, exchange, "job");
        AtomicInteger deliveries = new AtomicInteger();
        var rejecting = transport.consume(queue, 1, delivery -> {
            deliveries.incrementAndGet();
            delivery.reject(false);
        });

        transport.publish(exchange.name(), "job", command("unwanted"));

        Thread.sleep(QUIET.toMillis());
        rejecting.close();
        assertThat(deliveries).as("deliveries of a rejected message").hasValue(1);
        Inbox later = new Inbox();
        closeAfterTest(transport.consume(queue, 1, later.acking()));
        later.expectNothing();
    }

    @Test
    void queueWithAMissingDeadLetterExchangeIsRefusedNamingBoth() throws Exception {
        String queue = unique("orphan");
        String missing = unique("no-such-dlx");

        assertThatThrownBy(() -> transport.declareQueue(QueueSpec.named(queue).withExclusive(true)
                .withDeadLetterExchange(missing)))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("Cannot declare queue '" + queue + "' with dead-letter exchange '" + missing + "': ")
                .hasMessageContaining("'" + missing + "'");
        assertWorks(transport);
    }

    @Test
    void refusedQueueDeclarationFailsNamingTheQueueAndTheTransportRecovers() throws Exception {
        String theirs = open("other").declareQueue(QueueSpec.named(unique("theirs")).withExclusive(true));
        Exchange exchange = exchange(transport, ExchangeType.DIRECT);
        String mine = boundQueue(transport, exchange, "key");
        Inbox inbox = new Inbox();
        closeAfterTest(transport.consume(mine, 1, inbox.acking()));

        assertThatThrownBy(() -> transport.declareQueue(QueueSpec.named(theirs).withExclusive(true)))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("Cannot declare queue '" + theirs + "': ")
                .hasMessageContaining("exclusive");

        long start = System.nanoTime();
        transport.publish(exchange.name(), "key", command("after the refusal"));
        assertThat(textOf(inbox.next())).isEqualTo("after the refusal");
        assertWorks(transport);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(RECOVERED);
    }

    @Test
    void refusedExchangeDeclarationFailsNamingTheExchangeAndTheTransportRecovers() throws Exception {
        Exchange direct = exchange(transport, ExchangeType.DIRECT);
        boundQueue(transport, direct, "keeps-it");

        assertThatThrownBy(() -> transport.declareExchange(Exchange.fanout(direct.name()).withDurable(false)
                .withAutoDelete(true)))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("Cannot declare exchange '" + direct.name() + "': ")
                .hasMessageContaining("fanout");

        long start = System.nanoTime();
        assertWorks(transport);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(RECOVERED);
    }

    @Test
    void unbindingWhatIsNotBoundDoesNothing() throws Exception {
        Exchange exchange = exchange(transport, ExchangeType.DIRECT);
        String queue = boundQueue(transport, exchange, "bound");

        transport.unbindQueue(queue, exchange.name(), "never-bound");
        transport.unbindQueue(queue, exchange.name(), "bound");
        transport.unbindQueue(queue, exchange.name(), "bound");

        Inbox inbox = new Inbox();
        closeAfterTest(transport.consume(queue, 1, inbox.acking()));
        transport.publish(exchange.name(), "bound", command("unrouted"));
        inbox.expectNothing();
        assertWorks(transport);
    }

    /** An RPC server that answers {@code echo} with its parameters. */
    static final class EchoServer extends MessageProcessor {
        EchoServer(PostageConfig config, Eqk eqk) {
            super(Fingerprint.of("caps_echo", "service", config), eqk, ProcessorSettings.of(config));
        }

        @RpcHandler(name = "echo")
        Message echo(Map<String, Object> content) {
            return Message.result(content.get("parameters"));
        }
    }

    /** Collects deliveries, to wait for them from the test thread. */
    static final class Inbox implements DeliveryHandler {
        private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

        @Override
        public void handle(Delivery delivery) {
            deliveries.add(delivery);
        }

        Delivery next() throws InterruptedException {
            Delivery delivery = deliveries.poll(ARRIVAL.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(delivery).as("a delivery within %s", ARRIVAL).isNotNull();
            return delivery;
        }

        List<Delivery> next(int count) throws InterruptedException {
            List<Delivery> received = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                received.add(next());
            }
            return received;
        }

        void expectNothing() throws InterruptedException {
            assertThat(deliveries.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)).as("no further delivery").isNull();
        }

        /** Acks each delivery as it arrives, then keeps it. */
        DeliveryHandler acking() {
            return delivery -> {
                delivery.ack();
                handle(delivery);
            };
        }
    }
}
