package io.postage.amqp10;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.postage.ConnectionException;
import io.postage.PostageConfig;
import io.postage.Providers;
import io.postage.QueueSpec;
import io.postage.UnsupportedFeatureException;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.Transport;
import io.postage.spi.TransportProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connecting: failures in one sentence naming the endpoint without the password, quickly. */
class ConnectionTest {
    private static final TransportProvider AMQP10 = Providers.transport("amqp10");

    private static ConnectionException connectFails(String uri, Duration within) {
        PostageConfig config = PostageConfig.builder().uri(uri).transport("amqp10").build();
        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> AMQP10.connect(config, "test").close());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(within);
        assertThat(failure).isInstanceOf(ConnectionException.class);
        assertThat(failure.getMessage()).doesNotContain("secret").doesNotContain("\n");
        return (ConnectionException) failure;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theTransportIsFoundByItsId() {
        assertThat(Providers.transportIds()).contains("amqp10", "amqp091");
        assertThat(AMQP10.id()).isEqualTo("amqp10");
    }

    @Test
    void aRefusedConnectionFailsAtOnceNamingTheEndpointWithoutThePassword() throws IOException {
        int port = closedPort();
        assertThat(connectFails("amqp://guest:secret@127.0.0.1:" + port + "/%2F", Duration.ofSeconds(5)))
                .hasMessage("Cannot connect to amqp://guest:****@127.0.0.1:" + port + "/%2F : connection refused");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.class)
    void wrongCredentialsAreRefusedInOneSentence(TestBroker broker) {
        broker.assumeWanted();
        String uri = broker.uri().replace("guest:guest@", "guest:secret@");
        assertThat(connectFails(uri, Duration.ofSeconds(6))).hasMessageContaining("access refused (check user and password)");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.class)
    void anUnknownVirtualHostIsNamed(TestBroker broker) {
        broker.assumeWanted();
        String uri = broker.uri().replace("/%2F", "/no-such-vhost");
        String message = connectFails(uri, Duration.ofSeconds(6)).getMessage();
        assertThat(message.substring(message.indexOf(" : "))).as("the reason").contains("vhost").contains("no-such-vhost");
    }

    @Test
    void rabbitMqWithoutItsManagementApiFailsQuicklySayingWhatToEnable() {
        TestBroker.RABBITMQ.assumeWanted();
        String uri = TestBroker.RABBITMQ.uri() + "?postage.management=http://127.0.0.1:1";
        assertThat(connectFails(uri, Duration.ofSeconds(3))).hasMessageContaining("rabbitmq-plugins enable rabbitmq_management")
                .hasMessageContaining("http://127.0.0.1:1").hasMessageContaining("connection refused");
    }

    @Test
    void theGenericDialectCanBeChosenAndStillCarriesMessages() throws Exception {
        String uri = TestBroker.BROKER_J.uri() + "?postage.dialect=generic";
        try (Transport transport = AMQP10.connect(PostageConfig.builder().uri(uri).transport("amqp10").build(), "test");
                Transport declaring = TestBroker.BROKER_J.connect10()) {
            String queue = declaring.declareQueue(QueueSpec.named(TestBroker.unique("generic")));
            Inbox inbox = new Inbox();
            transport.consume(queue, 1, inbox);
            transport.publish("", queue, new OutgoingMessage("hi".getBytes(StandardCharsets.UTF_8),
                    MessageProperties.of("text/plain")));
            assertThat(inbox.nextText()).isEqualTo("hi");
            assertThatThrownBy(() -> transport.declareQueue(QueueSpec.serverNamed()))
                    .isInstanceOf(UnsupportedFeatureException.class);
        }
    }
}
