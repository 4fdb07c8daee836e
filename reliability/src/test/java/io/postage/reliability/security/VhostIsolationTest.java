package io.postage.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.PostageConfig;
import io.postage.Producer;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POSTAGE_VHOST} keeps components apart: a producer and a processor in a virtual host the test creates
 * on RabbitMQ (through its management API, granting the test's user) and a pair with the very same exchange,
 * queue and key in {@code /} each get only their own messages, over both transports (AMQP 1.0 reaches a
 * virtual host through the open frame's host name {@code vhost:NAME}). The management API is at
 * {@code http://<broker host>:15672}, or at {@code POSTAGE_TEST_MANAGEMENT}; with the latter the AMQP 1.0
 * transport is told so through the URI option {@code postage.management}. Qpid Broker-J, which the test kit
 * embeds with the one virtual host {@code /}, is not tested here.
 */
@PostageBroker
@Timeout(60)
class VhostIsolationTest {
    private static final int MESSAGES = 20;

    private final BrokerInfo broker;
    private final URI uri;
    private final String user;
    private final String password;
    private final String management;
    private final String vhost;
    private ManagementApi api;

    VhostIsolationTest(BrokerInfo broker) {
        this.broker = broker;
        this.uri = URI.create(broker.uri091());
        String[] credentials = uri.getUserInfo().split(":", 2);
        this.user = credentials[0];
        this.password = credentials[1];
        this.management = System.getenv("POSTAGE_TEST_MANAGEMENT");
        this.vhost = broker.unique("postage-vhost");
    }

    @BeforeEach
    void createVhost() throws Exception {
        Assumptions.assumeTrue(broker.isRabbitMq(), "virtual hosts are created through RabbitMQ's management API; "
                + "the embedded broker has only /");
        api = new ManagementApi(URI.create(Objects.requireNonNullElse(management, "http://" + uri.getHost() + ":15672")),
                user, password);
        api.createVhostFor(vhost, user);
    }

    @AfterEach
    void deleteVhost() throws Exception {
        if (api != null) {
            api.deleteVhost(vhost);
            api.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp091", "amqp10"})
    void messagesStayInTheirVirtualHostThoughTheNamesAreTheSame(String transport) throws Exception {
        PostageConfig inVhost = config(transport, vhost);
        PostageConfig inRoot = config(transport, "/");
        Exchange exchange = Exchange.direct(broker.unique("vhost-exchange")).withAutoDelete(true);
        String queue = broker.unique("vhost-queue");
        EchoReceiver vhostReceiver = new EchoReceiver(inVhost, Eqk.of(exchange, queue, "echo"));
        EchoReceiver rootReceiver = new EchoReceiver(inRoot, Eqk.of(exchange, queue, "echo"));

        try (RunningProcessors running = RunningProcessors.start(vhostReceiver, rootReceiver);
                Producer vhostProducer = producer(inVhost, exchange);
                Producer rootProducer = producer(inRoot, exchange)) {
            assertThat(api.queueExists(vhost, queue)).as("the queue in " + vhost).isTrue();
            assertThat(api.queueExists("/", queue)).as("the queue of the same name in /").isTrue();
            for (int i = 0; i < MESSAGES; i++) {
                vhostProducer.message("echo", "vhost " + i);
                rootProducer.message("echo", "root " + i);
            }

            List<Object> inTheVhost = receive(vhostReceiver, MESSAGES);
            List<Object> inTheRoot = receive(rootReceiver, MESSAGES);
            assertThat(inTheVhost).as("the processor in " + vhost).hasSize(MESSAGES)
                    .allMatch(text -> text.toString().startsWith("vhost "));
            assertThat(inTheRoot).as("the processor in /").hasSize(MESSAGES)
                    .allMatch(text -> text.toString().startsWith("root "));
            assertThat(vhostReceiver.echoed.poll(300, TimeUnit.MILLISECONDS)).as("nothing more in " + vhost).isNull();
            assertThat(rootReceiver.echoed.poll(1, TimeUnit.MILLISECONDS)).as("nothing more in /").isNull();
            System.out.println("figures: vhost " + transport + " " + inTheVhost.size() + " messages in " + vhost + ", "
                    + inTheRoot.size() + " in /, 0 crossed");
        }
    }

    /** The configuration a component reads from POSTAGE_* variables, the virtual host from POSTAGE_VHOST. */
    private PostageConfig config(String transport, String virtualHost) {
        PostageConfig config = PostageConfig.fromEnvironment(Map.of("POSTAGE_HOST", uri.getHost(),
                "POSTAGE_PORT", Integer.toString(uri.getPort() == -1 ? 5672 : uri.getPort()), "POSTAGE_USER", user,
                "POSTAGE_PASSWORD", password, "POSTAGE_VHOST", virtualHost, "POSTAGE_TRANSPORT", transport));
        assertThat(config.vhost()).isEqualTo(virtualHost);
        if (management == null) {
            return config;
        }
        return config.toBuilder().uri("amqp://" + uri.getRawUserInfo() + "@" + uri.getHost() + ":" + config.port() + "/"
                + URLEncoder.encode(virtualHost, StandardCharsets.UTF_8)
                + "?postage.management=" + management).build();
    }

    private static Producer producer(PostageConfig config, Exchange exchange) {
        return Producer.builder(Fingerprint.of("echo_send", "application", config)).config(config).eks(exchange, "echo")
                .build();
    }

    private static List<Object> receive(EchoReceiver receiver, int count) throws InterruptedException {
        List<Object> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object next = receiver.echoed.poll(10, TimeUnit.SECONDS);
            if (next == null) {
                break;
            }
            received.add(next);
        }
        return received;
    }
}
