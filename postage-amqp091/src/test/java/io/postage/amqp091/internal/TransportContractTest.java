package io.postage.amqp091.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.QueueSpec;
import io.postage.TransportException;
import io.postage.spi.Delivery;
import io.postage.spi.DeliveryHandler;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Subscription;
import io.postage.spi.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link Transport} shows against a real broker: a transport's test extends this
 * class and says how to connect. Names are unique per test and everything declared goes away with the
 * test's connections (exclusive queues, auto-deleted exchanges bound to them), so tests run in any order.
 */
@Timeout(30)
abstract class TransportContractTest {
    /** How long a message may take to arrive. */
    static final Duration ARRIVAL = Duration.ofSeconds(5);
    /** How long to watch for a message that must not arrive. */
    static final Duration QUIET = Duration.ofMillis(300);

    static final MessageCodec CODEC = MessageCodec.of("jackson");

    private final List<AutoCloseable> opened = new ArrayList<>();
    /** A transport connected for the current test. */
    Transport transport;

    /**
     * @param connectionName the name the broker shows for the connection
     * @return a new transport connected to the test broker
     */
    abstract Transport connect(String connectionName);

    /**
     * Publishes a message that carries no properties at all, as Postage 1.x RPC servers reply.
     *
     * @param exchange the exchange
     * @param routingKey the routing key
     * @param body the body
     * @throws Exception if the broker cannot be reached
     */
    abstract void publishWithoutProperties(String exchange, String routingKey, byte[] body) throws Exception;

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
    }

    /**
     * @param connectionName the name the broker shows
     * @return a transport closed after the test
     */
    Transport open(String connectionName) {
        return closeAfterTest(connect(connectionName));
    }

    <T extends AutoCloseable> T closeAfterTest(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    static String unique(String prefix) {
        return "postage-test-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return a declared, auto-deleted exchange of that type */
    Exchange exchange(ExchangeType type) {
        Exchange exchange = Exchange.of(unique(type.wireName()), type).withDurable(false).withAutoDelete(true);
        transport.declareExchange(exchange);
        return exchange;
    }

    /** @return the name of a declared queue that goes with the test's connection */
    String exclusiveQueue(Map<String, ?> arguments) {
        return transport.declareQueue(QueueSpec.named(unique("queue")).withExclusive(true).withArguments(arguments));
    }

    /** @return the name of a declared exclusive queue bound to the exchange with the key */
    String boundQueue(Exchange exchange, String routingKey) {
        String queue = exclusiveQueue(Map.of());
        transport.bindQueue(queue, exchange.name(), routingKey);
        return queue;
    }

    static OutgoingMessage command(String text) {
        return new OutgoingMessage(CODEC.encode(Message.command("echo", Map.of("text", text))),
                MessageProperties.of(CODEC.contentType()));
    }

    /** @return a command's text parameter, or a result's value */
    static String textOf(Delivery delivery) {
        Message message = CODEC.decode(delivery.body());
        if (message.type().equals(Message.RESULT)) {
            return String.valueOf(message.content().get("value"));
        }
        return String.valueOf(((Map<?, ?>) message.content().get("parameters")).get("text"));
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

        /** @return the next delivery within the timeout, or null */
        Delivery poll(Duration timeout) throws InterruptedException {
            return deliveries.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
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

    @Test
    void publishedMessageArrivesWithItsBodyPropertiesAndHeaders() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "echo");
        Inbox inbox = new Inbox();
        closeAfterTest(transport.consume(queue, 1, inbox.acking()));
        MessageProperties properties = MessageProperties.of("application/json")
                .withReplyTo("reply-here")
                .withCorrelationId("c-42")
                .withHeaders(Map.of("text", "hi", "count", 42, "big", 5_000_000_000L, "ratio", 0.5, "flag", true))
                .withPersistent(true);
        byte[] body = CODEC.encode(Message.command("echo", Map.of("text", "hello")));

        transport.publish(exchange.name(), "echo", new OutgoingMessage(body, properties));

        Delivery delivery = inbox.next();
        assertThat(delivery.body()).isEqualTo(body);
        assertThat(delivery.properties()).isEqualTo(properties);
        assertThat(delivery.queue()).isEqualTo(queue);
        assertThat(delivery.redelivered()).isFalse();
        assertThat(textOf(delivery)).isEqualTo("hello");
    }

    @Test
    void messageWithoutPropertiesArrivesWithEmptyProperties() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "bare");
        Inbox inbox = new Inbox();
        closeAfterTest(transport.consume(queue, 1, inbox.acking()));

        transport.publish(exchange.name(), "bare", new OutgoingMessage(new byte[] {1, 2}, MessageProperties.NONE));

        assertThat(inbox.next().properties()).isEqualTo(MessageProperties.NONE);
    }

    @Test
    void fanoutGivesEveryPrivateQueueACopy() throws Exception {
        Exchange fanout = exchange(ExchangeType.FANOUT);
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        for (Inbox inbox : List.of(first, second)) {
            String queue = transport.declareQueue(QueueSpec.serverNamed());
            transport.bindQueue(queue, fanout.name(), "");
            closeAfterTest(transport.consume(queue, 10, inbox.acking()));
        }

        for (int i = 0; i < 5; i++) {
            transport.publish(fanout.name(), "ignored", command("copy " + i));
        }

        for (Inbox inbox : List.of(first, second)) {
            assertThat(inbox.next(5)).extracting(TransportContractTest::textOf)
                    .containsExactly("copy 0", "copy 1", "copy 2", "copy 3", "copy 4");
            inbox.expectNothing();
        }
    }

    @Test
    void consumersOfOneQueueShareItsMessagesRoundRobin() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "work");
        BlockingQueue<String> done = new LinkedBlockingQueue<>();
        closeAfterTest(transport.consume(queue, 1, worker("first", done)));
        closeAfterTest(transport.consume(queue, 1, worker("second", done)));

        for (int i = 0; i < 10; i++) {
            transport.publish(exchange.name(), "work", command("job " + i));
        }

        List<String> work = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            work.add(done.poll(ARRIVAL.toMillis(), TimeUnit.MILLISECONDS));
        }
        assertThat(done.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)).as("no job twice").isNull();
        assertThat(work).doesNotContainNull()
                .extracting(line -> line.substring(line.indexOf(':') + 1)).doesNotHaveDuplicates().hasSize(10);
        assertThat(work).anyMatch(line -> line.startsWith("first:")).anyMatch(line -> line.startsWith("second:"));
    }

    private static DeliveryHandler worker(String name, BlockingQueue<String> done) {
        return delivery -> {
            done.add(name + ":" + textOf(delivery));
            delivery.ack();
        };
    }

    @Test
    void prefetchBoundsTheUnsettledDeliveries() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "slow");
        for (int i = 0; i < 5; i++) {
            transport.publish(exchange.name(), "slow", command("task " + i));
        }
        Inbox inbox = new Inbox();

        closeAfterTest(transport.consume(queue, 2, inbox));

        List<Delivery> firstTwo = inbox.next(2);
        inbox.expectNothing();
        firstTwo.get(0).ack();
        assertThat(textOf(inbox.next())).isEqualTo("task 2");
        inbox.expectNothing();
    }

    @Test
    void rejectWithRequeueRedeliversTheMessage() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "retry");
        Inbox inbox = new Inbox();
        closeAfterTest(transport.consume(queue, 1, inbox));
        transport.publish(exchange.name(), "retry", command("again"));

        Delivery first = inbox.next();
        assertThat(first.redelivered()).isFalse();
        first.reject(true);

        Delivery second = inbox.next();
        assertThat(textOf(second)).isEqualTo("again");
        assertThat(second.redelivered()).isTrue();
        second.ack();
        inbox.expectNothing();
    }

    @Test
    void rejectWithoutRequeueDeadLettersTheMessage() throws Exception {
        Exchange deadLetters = exchange(ExchangeType.FANOUT);
        String deadLetterQueue = boundQueue(deadLetters, "");
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = exclusiveQueue(Map.of("x-dead-letter-exchange", deadLetters.name()));
        transport.bindQueue(queue, exchange.name(), "doomed");
        Inbox inbox = new Inbox();
        Inbox dead = new Inbox();
        closeAfterTest(transport.consume(queue, 1, inbox));
        closeAfterTest(transport.consume(deadLetterQueue, 1, dead.acking()));

        transport.publish(exchange.name(), "doomed", command("refused"));
        inbox.next().reject(false);

        assertThat(textOf(dead.next())).isEqualTo("refused");
        inbox.expectNothing();
    }

    @Test
    void deliveriesCanBeSettledFromOtherThreads() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "handed-over");
        Inbox inbox = new Inbox();
        // As the Postage processor does: the consumer hands each delivery to a virtual thread.
        closeAfterTest(transport.consume(queue, 5, delivery -> Thread.ofVirtual().start(() -> {
            inbox.handle(delivery);
            if (textOf(delivery).equals("requeue me") && !delivery.redelivered()) {
                delivery.reject(true);
            } else {
                delivery.ack();
            }
        })));

        transport.publish(exchange.name(), "handed-over", command("ack me"));
        transport.publish(exchange.name(), "handed-over", command("requeue me"));

        assertThat(inbox.next(3)).extracting(TransportContractTest::textOf, Delivery::redelivered)
                .containsExactlyInAnyOrder(
                        tuple("ack me", false), tuple("requeue me", false), tuple("requeue me", true));
        inbox.expectNothing();
    }

    @Test
    void settlingTwiceIsRefusedAndTheSubscriptionKeepsWorking() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "twice");
        Inbox inbox = new Inbox();
        closeAfterTest(transport.consume(queue, 1, inbox));
        transport.publish(exchange.name(), "twice", command("one"));
        Delivery delivery = inbox.next();
        delivery.ack();

        assertThatThrownBy(delivery::ack).isInstanceOf(IllegalStateException.class).hasMessageContaining("settled");
        assertThatThrownBy(() -> delivery.reject(true)).isInstanceOf(IllegalStateException.class);

        transport.publish(exchange.name(), "twice", command("two"));
        Delivery next = inbox.next();
        assertThat(textOf(next)).isEqualTo("two");
        next.ack();
    }

    @Test
    void closingASubscriptionPutsItsUnsettledDeliveriesBackInTheQueue() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "unfinished");
        Inbox inbox = new Inbox();
        Subscription subscription = transport.consume(queue, 1, inbox);
        transport.publish(exchange.name(), "unfinished", command("not done"));
        Delivery unsettled = inbox.next();

        subscription.close();
        subscription.close();

        assertThat(subscription.queue()).isEqualTo(queue);
        assertThatThrownBy(unsettled::ack).isInstanceOf(TransportException.class)
                .hasMessageContaining(queue).hasMessageContaining("back in the queue");
        Inbox again = new Inbox();
        closeAfterTest(transport.consume(queue, 1, again.acking()));
        Delivery redelivered = again.next();
        assertThat(textOf(redelivered)).isEqualTo("not done");
        assertThat(redelivered.redelivered()).isTrue();
    }

    @Test
    void sharedReplyChannelReceivesConcurrentRepliesWithTheirCorrelationIds() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String requests = boundQueue(exchange, "rpc");
        closeAfterTest(transport.consume(requests, 10, this::answer));
        Inbox replies = new Inbox();
        ReplyChannel channel = closeAfterTest(transport.openReplyChannel(ReplyChannel.Kind.SHARED, replies));

        for (int i = 0; i < 20; i++) {
            channel.publish(exchange.name(), "rpc", new OutgoingMessage(CODEC.encode(Message.rpcCommand("echo",
                    Map.of("text", "call " + i))), MessageProperties.of(CODEC.contentType())
                    .withReplyTo(channel.replyTo()).withCorrelationId("id-" + i)));
        }

        List<Delivery> received = replies.next(20);
        assertThat(received).allSatisfy(reply -> assertThat(textOf(reply))
                .isEqualTo("re: call " + reply.properties().correlationId().orElseThrow().substring(3)));
        assertThat(received).extracting(reply -> reply.properties().correlationId().orElseThrow())
                .doesNotHaveDuplicates().hasSize(20);
        replies.expectNothing();
        received.get(0).ack();
        channel.close();
        channel.close();
    }

    @Test
    void privateReplyChannelReceivesRepliesAlsoWithoutProperties() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String requests = boundQueue(exchange, "rpc");
        closeAfterTest(transport.consume(requests, 1, this::answer));
        Inbox replies = new Inbox();
        ReplyChannel channel = closeAfterTest(transport.openReplyChannel(ReplyChannel.Kind.PRIVATE, replies));
        assertThat(channel.replyTo()).isNotBlank();

        channel.publish(exchange.name(), "rpc", new OutgoingMessage(CODEC.encode(Message.rpcCommand("echo",
                Map.of("text", "private"))), MessageProperties.of(CODEC.contentType())
                .withReplyTo(channel.replyTo()).withCorrelationId("p-1")));
        Delivery reply = replies.next();
        assertThat(textOf(reply)).isEqualTo("re: private");
        assertThat(reply.properties().correlationId()).contains("p-1");

        // A Postage 1.x server answers on the default exchange with no properties at all.
        byte[] python = CODEC.encode(Message.result("from python"));
        publishWithoutProperties("", channel.replyTo(), python);
        Delivery bare = replies.next();
        assertThat(bare.body()).isEqualTo(python);
        assertThat(bare.properties().contentType()).isEmpty();
        assertThat(bare.properties().correlationId()).isEmpty();
        bare.ack();
        bare.reject(false);

        channel.close();
        channel.close();
    }

    /** An RPC server: answers "re: text" to the request's reply address with its correlation id. */
    private void answer(Delivery request) {
        MessageProperties properties = MessageProperties.of(CODEC.contentType());
        properties = request.properties().correlationId().map(properties::withCorrelationId).orElse(properties);
        transport.reply(request.properties().replyTo().orElseThrow(),
                new OutgoingMessage(CODEC.encode(Message.result("re: " + textOf(request))), properties));
        request.ack();
    }

    @Test
    void thousandConcurrentPublishesFromVirtualThreadsAllArrive() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "load");
        Set<String> received = Collections.synchronizedSet(new HashSet<>());
        closeAfterTest(transport.consume(queue, 100, delivery -> {
            received.add(textOf(delivery));
            delivery.ack();
        }));

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> publishers = new ArrayList<>();
            for (int thread = 0; thread < 50; thread++) {
                int first = thread * 20;
                publishers.add(threads.submit(() -> {
                    for (int i = first; i < first + 20; i++) {
                        transport.publish(exchange.name(), "load", command("m" + i));
                    }
                }));
            }
            for (Future<?> publisher : publishers) {
                publisher.get();
            }
        }

        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (received.size() < 1000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(received).hasSize(1000).contains("m0", "m999");
    }

    @Test
    void declarationsAreIdempotentAndServerNamedQueuesGetTheBrokersName() {
        Exchange exchange = exchange(ExchangeType.TOPIC);
        transport.declareExchange(exchange);
        transport.declareExchange(Exchange.DEFAULT);
        transport.declareExchange(Exchange.topic(exchange.name()).withDurable(false).withAutoDelete(true)
                .withPassive(true));
        QueueSpec named = QueueSpec.named(unique("queue")).withExclusive(true);

        assertThat(transport.declareQueue(named)).isEqualTo(named.name());
        assertThat(transport.declareQueue(named)).isEqualTo(named.name());
        String first = transport.declareQueue(QueueSpec.serverNamed());
        String second = transport.declareQueue(QueueSpec.serverNamed());
        assertThat(first).isNotBlank().isNotEqualTo(second);
        transport.bindQueue(first, exchange.name(), "a.#");
        transport.bindQueue(first, exchange.name(), "a.#");
    }

    @Test
    void unbindingStopsTheRoutingAndUnbindingTwiceDoesNothing() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "gone");
        transport.bindQueue(queue, exchange.name(), "kept");
        Inbox inbox = new Inbox();
        closeAfterTest(transport.consume(queue, 1, inbox.acking()));

        transport.unbindQueue(queue, exchange.name(), "gone");
        transport.unbindQueue(queue, exchange.name(), "gone");
        transport.publish(exchange.name(), "gone", command("lost"));
        transport.publish(exchange.name(), "kept", command("found"));

        assertThat(textOf(inbox.next())).isEqualTo("found");
        inbox.expectNothing();
    }

    @Test
    void redeclaringAQueueWithOtherFlagsFailsNamingItAndTheTransportKeepsWorking() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        // Not exclusive: RabbitMQ keeps exclusive queues transient whatever their durable flag says.
        String queue = transport.declareQueue(QueueSpec.named(unique("queue")).withAutoDelete(true));
        transport.bindQueue(queue, exchange.name(), "key");

        assertThatThrownBy(() -> transport.declareQueue(QueueSpec.named(queue).withAutoDelete(true).withDurable(true)))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("Cannot declare queue '" + queue + "'")
                .hasMessageContaining("PRECONDITION_FAILED")
                .hasMessageContaining("durable");
        assertThatThrownBy(() -> transport.bindQueue(queue, unique("missing"), "key"))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining(queue).hasMessageContaining("NOT_FOUND");

        Inbox inbox = new Inbox();
        closeAfterTest(transport.consume(queue, 1, inbox.acking()));
        transport.publish(exchange.name(), "key", command("still working"));
        assertThat(textOf(inbox.next())).isEqualTo("still working");
        assertThat(exclusiveQueue(Map.of())).isNotBlank();
    }

    @Test
    void consumingAMissingQueueFailsNamingIt() {
        String missing = unique("missing");

        assertThatThrownBy(() -> transport.consume(missing, 1, delivery -> { }))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("Cannot consume queue '" + missing + "'")
                .hasMessageContaining("NOT_FOUND");
    }

    @Test
    void publishingToAMissingExchangeFailsNamingItAndTheTransportKeepsWorking() throws Exception {
        String missing = unique("missing");
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "key");
        Inbox inbox = new Inbox();
        closeAfterTest(transport.consume(queue, 1, inbox.acking()));
        ReplyChannel shared = closeAfterTest(transport.openReplyChannel(ReplyChannel.Kind.SHARED, new Inbox()));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> transport.publish(missing, "key", command("lost")))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("'" + missing + "'").hasMessageContaining("NOT_FOUND");
        }
        assertThatThrownBy(() -> shared.publish(missing, "key", command("lost")))
                .isInstanceOf(TransportException.class).hasMessageContaining("NOT_FOUND");

        transport.publish(exchange.name(), "key", command("after"));
        shared.publish(exchange.name(), "key", command("through the reply channel"));
        assertThat(inbox.next(2)).extracting(TransportContractTest::textOf)
                .containsExactlyInAnyOrder("after", "through the reply channel");
    }

    @Test
    void closeIsIdempotentAndLaterOperationsFailClearly() {
        Transport closing = connect("closing");
        Exchange exchange = Exchange.direct(unique("after-close"));

        closing.close();
        closing.close();

        assertThatThrownBy(() -> closing.publish("", "queue", command("late")))
                .isInstanceOf(TransportException.class).hasMessageEndingWith("the transport is closed");
        assertThatThrownBy(() -> closing.declareExchange(exchange))
                .isInstanceOf(TransportException.class).hasMessageContaining(exchange.name())
                .hasMessageEndingWith("the transport is closed");
        assertThatThrownBy(() -> closing.consume("queue", 1, delivery -> { }))
                .isInstanceOf(TransportException.class).hasMessageEndingWith("the transport is closed");
        assertThatThrownBy(() -> closing.openReplyChannel(ReplyChannel.Kind.SHARED, delivery -> { }))
                .isInstanceOf(TransportException.class).hasMessageEndingWith("the transport is closed");
    }

    @Test
    void closingTheTransportClosesItsSubscriptionsAndReplyChannels() throws Exception {
        Transport closing = connect("closing with subscriptions");
        String queue = closing.declareQueue(QueueSpec.named(unique("queue")).withAutoDelete(true));
        Subscription subscription = closing.consume(queue, 1, delivery -> { });
        ReplyChannel shared = closing.openReplyChannel(ReplyChannel.Kind.SHARED, delivery -> { });
        ReplyChannel exclusive = closing.openReplyChannel(ReplyChannel.Kind.PRIVATE, delivery -> { });

        closing.close();

        assertThatCode(() -> {
            subscription.close();
            shared.close();
            exclusive.close();
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> shared.publish("", queue, command("late")))
                .isInstanceOf(TransportException.class).hasMessageEndingWith("the transport is closed");
    }
}
