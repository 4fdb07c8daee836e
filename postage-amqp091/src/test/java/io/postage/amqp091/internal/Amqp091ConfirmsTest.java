package io.postage.amqp091.internal;

import static io.postage.testkit.kit.TransportFixture.command;
import static io.postage.testkit.kit.TransportFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.Fingerprint;
import io.postage.PostageConfig;
import io.postage.Producer;
import io.postage.PublishException;
import io.postage.RecoveryPolicy;
import io.postage.TransportException;
import io.postage.spi.Delivery;
import io.postage.spi.PublishOptions;
import io.postage.spi.Transport;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.Inbox;
import io.postage.testkit.kit.TransportFixture;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Publisher confirms when the broker's answers stop coming (a relay holds them back) or the connection
 * drops with confirms pending: nothing waits forever, and what was not confirmed fails so it can be sent again.
 */
@Timeout(60)
@PostageBroker
class Amqp091ConfirmsTest {
    private final BrokerInfo broker;
    private final TransportFixture fixture;
    private final TcpProxy proxy;
    private final PostageConfig throughProxy;

    Amqp091ConfirmsTest(BrokerInfo broker) throws Exception {
        this.broker = broker;
        this.fixture = new TransportFixture(broker, broker.config());
        URI uri = URI.create(broker.uri091());
        this.proxy = new TcpProxy(uri.getHost(), uri.getPort() == -1 ? 5672 : uri.getPort());
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        this.throughProxy = PostageConfig.builder()
                .uri(uri.getScheme() + "://" + userInfo + "127.0.0.1:" + proxy.port() + uri.getRawPath()).build();
    }

    @AfterEach
    void closeEverything() throws Exception {
        proxy.holdBrokerAnswers(false);
        fixture.close();
        proxy.close();
    }

    @Test
    void confirmsPendingWhenTheConnectionDropsFailAsLostAndConfirmedPublishingResumesAfterRecovery() throws Exception {
        Exchange exchange = fixture.exchange(ExchangeType.DIRECT);
        Inbox inbox = new Inbox();
        fixture.closeLater(fixture.transport().consume(fixture.boundQueue(exchange, "key"), 100, inbox.acking()));
        Transport proxied = fixture.closeLater(Amqp091Transport.connect(new ConnectionOpener(),
                throughProxy.toBuilder().recovery(new RecoveryPolicy(Duration.ofMillis(100), Duration.ofMillis(200),
                        Duration.ofSeconds(10))).build(), "confirms-through-proxy"));
        for (int i = 0; i < ConfirmChannels.SIZE; i++) { // opens every confirm channel while the broker answers
            proxied.publishConfirmed(exchange.name(), "key", command("first"), PublishOptions.CONFIRMED)
                    .get(10, TimeUnit.SECONDS);
        }
        assertThat(inbox.next(ConfirmChannels.SIZE)).extracting(TransportFixture::textOf).containsOnly("first");

        proxy.holdBrokerAnswers(true);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pending.add(proxied.publishConfirmed(exchange.name(), "key", command("pending " + i), PublishOptions.CONFIRMED));
        }
        Thread.sleep(300);
        assertThat(pending).as("no confirm passes the relay").noneMatch(CompletableFuture::isDone);
        proxy.dropConnections();
        proxy.holdBrokerAnswers(false);

        for (CompletableFuture<Void> publish : pending) {
            Throwable failure = catchThrowable(() -> publish.get(10, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(PublishException.class)
                    .hasMessageContaining("exchange '" + exchange.name() + "'");
            assertThat(((PublishException) failure.getCause()).reason()).isEqualTo(PublishException.Reason.LOST);
        }
        assertThat(confirmedAfterRecovery(proxied, exchange.name())).isTrue();

        // At least once: the unconfirmed messages may have reached the queue before the cut.
        boolean arrived = false;
        Optional<Delivery> next = inbox.poll(Inbox.ARRIVAL);
        while (next.isPresent() && !arrived) {
            arrived = textOf(next.get()).equals("after recovery");
            next = arrived ? next : inbox.poll(Inbox.ARRIVAL);
        }
        assertThat(arrived).as("the publish confirmed after recovery arrived").isTrue();
    }

    private static boolean confirmedAfterRecovery(Transport transport, String exchange) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                transport.publishConfirmed(exchange, "key", command("after recovery"), PublishOptions.CONFIRMED)
                        .get(5, TimeUnit.SECONDS);
                return true;
            } catch (TransportException | ExecutionException | TimeoutException whileRecovering) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    @Test
    void aConfirmThatDoesNotComeWithinTheConfirmTimeoutFailsAsTimedOut() throws Exception {
        Exchange exchange = fixture.exchange(ExchangeType.DIRECT);
        Inbox inbox = new Inbox();
        fixture.closeLater(fixture.transport().consume(fixture.boundQueue(exchange, "key"), 10, inbox.acking()));
        try (Producer producer = Producer.builder(Fingerprint.of("confirms_timeout", "application", broker.config()))
                .config(throughProxy).eks(exchange, "key").confirm(true).confirmTimeout(Duration.ofMillis(300)).build()) {
            for (int i = 0; i < ConfirmChannels.SIZE; i++) { // opens every confirm channel while the broker answers
                producer.message("echo", Map.of("text", "confirmed"));
            }
            proxy.holdBrokerAnswers(true);

            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> producer.message("echo", Map.of("text", "unconfirmed")));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(failure).isInstanceOf(PublishException.class).hasMessageContaining("300 ms")
                    .hasMessageContaining("exchange '" + exchange.name() + "'");
            assertThat(((PublishException) failure).reason()).isEqualTo(PublishException.Reason.TIMED_OUT);
            proxy.holdBrokerAnswers(false);
        }
        assertThat(inbox.next(ConfirmChannels.SIZE + 1)).extracting(TransportFixture::textOf).endsWith("unconfirmed");
    }
}
