package io.postage.amqp091.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.postage.ConfigurationException;
import io.postage.ConnectionException;
import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.PostageConfig;
import io.postage.Providers;
import io.postage.QueueSpec;
import io.postage.TransportException;
import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Subscription;
import io.postage.spi.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The AMQP 0-9-1 transport against RabbitMQ: the contract, and what is particular to it. */
class Amqp091TransportTest extends TransportContractTest {

    /** The broker: {@code POSTAGE_TEST_URI}, or the local RabbitMQ. Tests fail, never skip, without one. */
    static final String BROKER_URI = Objects.requireNonNullElse(System.getenv("POSTAGE_TEST_URI"),
            "amqp://guest:guest@127.0.0.1:5672/%2F");
    static final PostageConfig BROKER = PostageConfig.builder().uri(BROKER_URI).build();

    @Override
    Transport connect(String connectionName) {
        return connect(ConnectionOpener.standard(), BROKER, connectionName);
    }

    private static Transport connect(ConnectionOpener opener, PostageConfig config, String connectionName) {
        try {
            return Amqp091Transport.connect(opener, config, connectionName);
        } catch (ConnectionException e) {
            return fail("These tests need a RabbitMQ broker: start the local one or set POSTAGE_TEST_URI. "
                    + e.getMessage(), e);
        }
    }

    @Override
    void publishWithoutProperties(String exchange, String routingKey, byte[] body) throws Exception {
        try (Connection connection = rawConnection()) {
            connection.createChannel().basicPublish(exchange, routingKey, null, body);
        }
    }

    private static Connection rawConnection() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(BROKER_URI);
        return factory.newConnection("postage-test-raw");
    }

    @Test
    void providerIsFoundByItsIdThroughTheServiceLoader() {
        assertThat(Providers.transport("amqp091")).isInstanceOf(Amqp091TransportProvider.class);
        assertThat(Providers.transportIds()).contains("amqp091");
    }

    @Test
    void providerConnectsWithTheConnectionNameTheBrokerShows() {
        try (Transport named = Providers.transport("amqp091").connect(BROKER, "echo_send:application:4242")) {
            assertThat(((Amqp091Transport) named).connectionName()).isEqualTo("echo_send:application:4242");
        }
    }

    @Test
    void closedPortFailsAtOnceWithOneLineNamingTheEndpointWithoutThePassword() {
        PostageConfig closedPort = PostageConfig.builder().host("127.0.0.1").port(1).password("s3cret-pw").build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> new Amqp091TransportProvider().connect(closedPort, "nowhere"))
                .isInstanceOf(ConnectionException.class)
                .hasMessage("Cannot connect to amqp://guest@127.0.0.1:1// : connection refused")
                .hasCauseInstanceOf(java.net.ConnectException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void wrongPasswordFailsWithAccessRefusedAndNoPassword() {
        URI broker = URI.create(BROKER_URI);
        PostageConfig wrong = PostageConfig.builder()
                .uri(broker.getScheme() + "://guest:not-the-password@" + broker.getRawAuthority().replaceFirst(".*@", "")
                        + broker.getRawPath())
                .build();

        assertThatThrownBy(() -> new Amqp091TransportProvider().connect(wrong, "intruder"))
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Cannot connect to " + wrong.endpoint() + " : access refused")
                .hasMessageNotContaining("not-the-password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unknownVhostFailsNamingIt() {
        URI broker = URI.create(BROKER_URI);
        PostageConfig nowhere = PostageConfig.builder()
                .uri(broker.getScheme() + "://" + broker.getRawAuthority() + "/no-such-vhost").build();

        assertThatThrownBy(() -> new Amqp091TransportProvider().connect(nowhere, "lost"))
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Cannot connect to " + nowhere.endpoint() + " : vhost not found");
    }

    @Test
    void uriTheClientCannotReadFailsWithoutQuotingIt() {
        PostageConfig unreadable = PostageConfig.builder().uri("amqp://guest:s3cr3t:x@127.0.0.1:5672/%2F").build();

        assertThatThrownBy(() -> new Amqp091TransportProvider().connect(unreadable, "unreadable"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not a valid AMQP URI")
                .hasMessageNotContaining("s3cr3t")
                .hasNoCause();
    }

    @Test
    void amqpsSpeaksTlsWithTheDefaultTrustStore() {
        URI broker = URI.create(BROKER_URI);
        // The plain AMQP port answers no TLS handshake: proof that amqps:// turns TLS on.
        PostageConfig tls = PostageConfig.builder().uri("amqps://" + broker.getRawAuthority() + broker.getRawPath()).build();

        assertThatThrownBy(() -> new Amqp091TransportProvider().connect(tls, "tls"))
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Cannot connect to " + tls.endpoint() + " : TLS failed");
    }

    @Test
    void sharedReplyChannelUsesDirectReplyTo() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String requests = boundQueue(exchange, "rpc");
        Inbox received = new Inbox();
        closeAfterTest(transport.consume(requests, 1, received.acking()));
        ReplyChannel channel = closeAfterTest(transport.openReplyChannel(ReplyChannel.Kind.SHARED, delivery -> { }));

        channel.publish(exchange.name(), "rpc", new OutgoingMessage(new byte[0],
                MessageProperties.NONE.withReplyTo(channel.replyTo())));

        assertThat(channel.replyTo()).isEqualTo("amq.rabbitmq.reply-to");
        assertThat(received.next().properties().replyTo()).hasValueSatisfying(
                replyTo -> assertThat(replyTo).startsWith("amq.rabbitmq.reply-to."));
    }

    @Test
    void handlerThatThrowsGetsItsDeliveryRejectedWithoutRequeue() throws Exception {
        Exchange deadLetters = exchange(ExchangeType.FANOUT);
        String deadLetterQueue = boundQueue(deadLetters, "");
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = exclusiveQueue(Map.of("x-dead-letter-exchange", deadLetters.name()));
        transport.bindQueue(queue, exchange.name(), "boom");
        Inbox dead = new Inbox();
        closeAfterTest(transport.consume(deadLetterQueue, 1, dead.acking()));
        closeAfterTest(transport.consume(queue, 1, delivery -> {
            throw new IllegalStateException("handler bug");
        }));

        transport.publish(exchange.name(), "boom", command("poison"));

        assertThat(textOf(dead.next())).isEqualTo("poison");
    }

    @Test
    void subscriptionClosedFromItsOwnHandlerDoesNotDeadlock() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String queue = boundQueue(exchange, "stop");
        CompletableFuture<Subscription> subscription = new CompletableFuture<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        subscription.complete(transport.consume(queue, 1, delivery -> {
            delivery.ack();
            subscription.join().close();
            closed.complete(null);
        }));

        transport.publish(exchange.name(), "stop", command("last"));

        closed.get(ARRIVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void publishToAnExchangeDeletedSinceIsLostThenTheNextPublishFails() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        boundQueue(exchange, "key");
        transport.publish(exchange.name(), "key", command("checked once"));
        try (Connection connection = rawConnection()) {
            Channel channel = connection.createChannel();
            channel.exchangeDelete(exchange.name());
        }

        // AMQP 0-9-1 does not refuse the publish itself: the broker closes the channel a moment later.
        transport.publish(exchange.name(), "key", command("lost"));

        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        TransportException refused = null;
        while (refused == null && System.nanoTime() < deadline) {
            try {
                transport.publish(exchange.name(), "key", command("lost"));
                Thread.sleep(20);
            } catch (TransportException e) {
                refused = e;
            }
        }
        assertThat(refused).as("a later publish fails").isNotNull()
                .hasMessageContaining(exchange.name()).hasMessageContaining("NOT_FOUND");
    }

    @Test
    void topologyConsumersAndReplyQueuesSurviveAConnectionLoss() throws Exception {
        URI broker = URI.create(BROKER_URI);
        try (TcpProxy proxy = new TcpProxy(broker.getHost(), broker.getPort() == -1 ? 5672 : broker.getPort())) {
            String userInfo = broker.getRawUserInfo() == null ? "" : broker.getRawUserInfo() + "@";
            PostageConfig throughProxy = PostageConfig.builder()
                    .uri(broker.getScheme() + "://" + userInfo + "127.0.0.1:" + proxy.port() + broker.getRawPath()).build();
            Transport recovering = closeAfterTest(connect(new ConnectionOpener(Duration.ofMillis(200)), throughProxy,
                    "recovering"));
            Exchange exchange = Exchange.of(unique("recovered"), ExchangeType.DIRECT).withDurable(false)
                    .withAutoDelete(true);
            recovering.declareExchange(exchange);
            String queue = recovering.declareQueue(QueueSpec.named(unique("queue")).withExclusive(true));
            recovering.bindQueue(queue, exchange.name(), "key");
            Inbox inbox = new Inbox();
            recovering.consume(queue, 1, inbox.acking());
            // A refused declaration must not cost the recovery of those made before it.
            assertThatThrownBy(() -> recovering.bindQueue(queue, unique("missing"), "key"))
                    .isInstanceOf(TransportException.class).hasMessageContaining("NOT_FOUND");
            Inbox replies = new Inbox();
            ReplyChannel replyChannel = recovering.openReplyChannel(ReplyChannel.Kind.PRIVATE, replies);
            String replyQueue = replyChannel.replyTo();

            // The exclusive queues go with the connection, the auto-deleted exchange with them.
            proxy.dropConnections();

            Delivery delivery = publishUntilDelivered(recovering, exchange.name(), inbox);
            assertThat(textOf(delivery)).isEqualTo("after recovery");
            assertThat(replyChannel.replyTo()).isNotEqualTo(replyQueue);
            recovering.reply(replyChannel.replyTo(), command("reply after recovery"));
            assertThat(textOf(replies.next())).isEqualTo("reply after recovery");
        }
    }

    private static Delivery publishUntilDelivered(Transport transport, String exchange, Inbox inbox)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                transport.publish(exchange, "key", command("after recovery"));
                Delivery delivery = inbox.poll(Duration.ofMillis(200));
                if (delivery != null) {
                    return delivery;
                }
            } catch (TransportException whileRecovering) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no delivery within 10 s of the connection loss");
    }
}
