package io.postage.amqp10;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.ConnectionState;
import io.postage.Exchange;
import io.postage.PostageConfig;
import io.postage.Providers;
import io.postage.QueueSpec;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Subscription;
import io.postage.spi.Transport;
import io.postage.testkit.broker.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Recovery over AMQP 1.0 with failover, on a Qpid Broker-J of the test's own, restarted: its memory store
 * keeps nothing, so every exchange, queue and binding must be declared again by the transport before the
 * consumers come back. (RabbitMQ's restart is {@code reliability/BrokerRestartTest}'s.)
 */
class Amqp10RecoveryTest {
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);

    private static OutgoingMessage text(String text) {
        return new OutgoingMessage(text.getBytes(StandardCharsets.UTF_8), MessageProperties.of("application/json"));
    }

    @Test
    void exchangesQueuesBindingsConsumersAndReplyQueuesAreBackAfterTheBrokerRestarts() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start();
        int port = broker.port();
        PostageConfig config = PostageConfig.builder().transport("amqp10")
                .uri("amqp://guest:guest@127.0.0.1:" + port + "/%2F?postage.failover=127.0.0.1:" + port).build();
        try (Transport transport = Providers.transport("amqp10").connect(config, "postage-recovery-test")) {
            Exchange exchange = Exchange.direct(TestBroker.unique("x")).withDurable(false);
            transport.declareExchange(exchange);
            String queue = transport.declareQueue(QueueSpec.named(TestBroker.unique("q")).withAutoDelete(true));
            transport.bindQueue(queue, exchange.name(), "k");
            String unbound = transport.declareQueue(QueueSpec.named(TestBroker.unique("unbound")));
            transport.bindQueue(unbound, exchange.name(), "k");
            transport.unbindQueue(unbound, exchange.name(), "k");
            Inbox inbox = new Inbox();
            Inbox replies = new Inbox();
            try (Subscription subscription = transport.consume(queue, 5, inbox);
                    Subscription unboundSubscription = transport.consume(unbound, 5, inbox);
                    ReplyChannel channel = transport.openReplyChannel(ReplyChannel.Kind.PRIVATE, replies)) {
                transport.publish(exchange.name(), "k", text("before"));
                assertThat(inbox.nextText()).isEqualTo("before");

                broker.close();
                await("the transport recovering", () -> transport.state() == ConnectionState.RECOVERING);
                broker = EmbeddedBroker.start(port);
                await("the transport connected again", () -> transport.state() == ConnectionState.CONNECTED);

                transport.publish(exchange.name(), "k", text("after"));
                assertThat(inbox.nextText()).as("through the binding declared again, to the consumer re-attached")
                        .isEqualTo("after");
                assertThat(inbox.poll(Duration.ofMillis(300))).as("the queue unbound stays unbound").isNull();
                transport.reply(channel.replyTo(), text("reply"));
                assertThat(replies.nextText()).as("a reply to the reply queue, after the restart").isEqualTo("reply");
            }
        } finally {
            broker.close();
        }
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        while (!condition.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.get()).as(what + " within " + RECOVERY_LIMIT).isTrue();
    }
}
