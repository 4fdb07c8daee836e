package io.postage.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.ConfigurationException;
import io.postage.ConnectionException;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.PostageConfig;
import io.postage.PostageException;
import io.postage.Producer;
import io.postage.Providers;
import io.postage.spi.Transport;
import io.postage.testkit.broker.EmbeddedBroker;
import io.postage.testkit.tls.TestCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials never show: components run with a configuration bearing a distinctive password, over both
 * transports, plain and TLS, through successful runs and failures (wrong password, unreachable host, bad
 * URIs, untrusted certificate, wrong host name); every log record of the JVM at every level, every
 * exception's stack trace (causes and suppressed included) and the {@code toString()} of the configuration,
 * producer, processor and transport are searched for the password. The broker is an embedded Qpid Broker-J
 * with a user holding that password and a TLS port.
 */
@Tag("slow")
@Timeout(120)
class SecretsTest {
    private static final String USER = "keeper";
    private static final String PASSWORD = "Quokka-7f3a-Secret-Zx";
    private static final String WRONG_PASSWORD = "Wombat-91c2-Secret-Qy";
    private static final List<String> TRANSPORTS = List.of("amqp091", "amqp10");

    private static TestCa ca;
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker(@TempDir Path dir) {
        ca = TestCa.create("Postage secrets test CA");
        broker = EmbeddedBroker.builder().user(USER, PASSWORD)
                .tls(ca.issueKeyStore(dir.resolve("server.p12"), "store-pass", "localhost"), "store-pass")
                .start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void passwordAppearsInNoLogRecordExceptionOrToString() throws Exception {
        List<String> shown = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        List<String> connected = new ArrayList<>();
        List<String> logged;
        try (LogRecorder logs = new LogRecorder()) {
            for (String transport : TRANSPORTS) {
                for (PostageConfig config : working(transport)) {
                    shown.add(config.toString());
                    shown.add(config.endpoint());
                    EchoReceiver receiver = RoundTrip.assertMessageAndRpcGoThrough(config);
                    shown.add(receiver.toString());
                    try (Producer producer = Producer.builder(Fingerprint.of("secret_send", "application", config))
                            .config(config).eks(Exchange.direct(RoundTrip.unique("secret-exchange")).withAutoDelete(true), "nowhere")
                            .build();
                            Transport rawTransport = Providers.transport(transport).connect(config, "secrets-test")) {
                        shown.add(producer.toString());
                        shown.add(rawTransport.toString());
                    }
                }
                for (Map.Entry<String, Supplier<PostageConfig>> config : failing(transport).entrySet()) {
                    Throwable failure = failure(config.getValue());
                    if (failure == null) {
                        connected.add(transport + ": " + config.getKey());
                    } else {
                        failures.add(failure);
                    }
                }
            }
            logged = logs.texts();
        }

        assertThat(connected).as("failing configurations that connected").isEmpty();
        assertThat(failures).allSatisfy(failure -> assertThat(failure).isInstanceOf(PostageException.class));
        assertThat(failures).filteredOn(ConnectionException.class::isInstance).hasSizeGreaterThanOrEqualTo(8);
        assertThat(failures).filteredOn(ConfigurationException.class::isInstance).hasSizeGreaterThanOrEqualTo(4);
        assertThat(logged).as("the recorder saw the transports' own logging").hasSizeGreaterThan(20)
                .anyMatch(text -> text.contains("org.apache.qpid.jms"))
                .anyMatch(text -> text.contains("io.postage"));
        List<String> stackTraces = failures.stream().map(LogRecorder::stackTrace).toList();
        for (String secret : List.of(PASSWORD, WRONG_PASSWORD)) {
            assertThat(logged).as("log records").noneMatch(text -> text.contains(secret));
            assertThat(stackTraces).as("exceptions").noneMatch(text -> text.contains(secret));
            assertThat(shown).as("toString() and endpoint()").noneMatch(text -> text.contains(secret));
        }
        System.out.println("figures: secrets " + logged.size() + " log records, " + failures.size() + " failures ("
                + failures.stream().map(failure -> failure.getClass().getSimpleName()).distinct().toList() + "), "
                + shown.size() + " toString() texts searched; password found 0 times");
    }

    @Test
    void recorderFindsAPasswordThatIsLogged() {
        List<String> logged;
        try (LogRecorder logs = new LogRecorder()) {
            System.getLogger("io.postage.test").log(Level.DEBUG, "leaking {0}", PASSWORD);
            System.getLogger("io.postage.test").log(Level.TRACE, "failed", new IllegalStateException(
                    "wrapped", new IllegalArgumentException(WRONG_PASSWORD)));
            logged = logs.texts();
        }

        assertThat(logged).anyMatch(text -> text.contains(PASSWORD)).anyMatch(text -> text.contains(WRONG_PASSWORD));
    }

    /** Configurations that connect: a URI and the separate settings, plain and over TLS. */
    private static List<PostageConfig> working(String transport) {
        return List.of(
                PostageConfig.builder().uri(plainUri(PASSWORD)).transport(transport).debugMode(true).build(),
                PostageConfig.builder().host("127.0.0.1").port(broker.port()).user(USER).password(PASSWORD)
                        .transport(transport).build(),
                PostageConfig.builder().uri("amqps://" + USER + ":" + PASSWORD + "@localhost:" + broker.tlsPort() + "/%2F")
                        .sslContext(ca.trustingContext()).transport(transport).build());
    }

    /** Configurations that fail, each made inside the attempt: a bad URI may fail already in the builder. */
    private static Map<String, Supplier<PostageConfig>> failing(String transport) {
        String credentials = USER + ":" + PASSWORD + "@";
        Map<String, Supplier<PostageConfig>> failing = new LinkedHashMap<>();
        failing.put("wrong password in the URI", () -> PostageConfig.builder().uri(plainUri(WRONG_PASSWORD))
                .transport(transport).build());
        failing.put("wrong password", () -> PostageConfig.builder().host("127.0.0.1").port(broker.port()).user(USER)
                .password(WRONG_PASSWORD).transport(transport).build());
        failing.put("closed port", () -> PostageConfig.builder()
                .uri("amqp://" + credentials + "127.0.0.1:" + closedPort() + "/%2F").transport(transport).build());
        failing.put("unknown host", () -> PostageConfig.builder()
                .uri("amqp://" + credentials + "no-such-host.invalid:5672/%2F").transport(transport).build());
        failing.put("port not a number", () -> PostageConfig.builder()
                .uri("amqp://" + credentials + "127.0.0.1:port/%2F").transport(transport).build());
        failing.put("not an AMQP scheme", () -> PostageConfig.builder().uri("http://" + credentials + "127.0.0.1/")
                .transport(transport).build());
        failing.put("bad option", () -> PostageConfig.builder().uri(plainUri(PASSWORD) + (transport.equals("amqp10")
                ? "?postage.dialect=no-such-broker" : "?heartbeat=not-a-number")).transport(transport).build());
        failing.put("untrusted certificate", () -> PostageConfig.builder()
                .uri("amqps://" + credentials + "localhost:" + broker.tlsPort() + "/%2F").transport(transport).build());
        failing.put("wrong host name", () -> PostageConfig.builder()
                .uri("amqps://" + credentials + "127.0.0.1:" + broker.tlsPort() + "/%2F")
                .sslContext(ca.trustingContext()).transport(transport).build());
        return failing;
    }

    private static String plainUri(String password) {
        return "amqp://" + USER + ":" + password + "@127.0.0.1:" + broker.port() + "/%2F";
    }

    /** @return the exception connecting with the configuration threw, or null if it connected */
    private static Throwable failure(Supplier<PostageConfig> config) {
        try {
            Producer.builder(Fingerprint.of("secret_send", "application")).config(config.get()).build().close();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
