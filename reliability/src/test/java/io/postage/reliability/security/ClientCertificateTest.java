package io.postage.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.postage.ConnectionException;
import io.postage.Fingerprint;
import io.postage.PostageConfig;
import io.postage.Producer;
import io.postage.testkit.broker.EmbeddedBroker;
import io.postage.testkit.tls.TestCa;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client certificate given through {@code POSTAGE_TLS_KEYSTORE} is presented, over both transports, to an
 * embedded Qpid Broker-J whose TLS port requires one signed by the test's CA; without it the broker refuses.
 */
@Timeout(60)
class ClientCertificateTest {
    private static final String STORE_PASSWORD = "store-secret";
    private static EmbeddedBroker broker;
    private static Path caPem;
    private static Path clientKeyStore;

    @BeforeAll
    static void startBrokerRequiringClientCertificates(@TempDir Path dir) {
        TestCa ca = TestCa.create("Postage client certificate test CA");
        broker = EmbeddedBroker.builder()
                .tls(ca.issueKeyStore(dir.resolve("server.p12"), STORE_PASSWORD, "localhost"), STORE_PASSWORD)
                .requireClientCertificates(ca.writeTrustStore(dir.resolve("clients.p12"), STORE_PASSWORD), STORE_PASSWORD)
                .start();
        caPem = ca.writePem(dir.resolve("ca.pem"));
        clientKeyStore = ca.issueKeyStore(dir.resolve("client.p12"), STORE_PASSWORD, "echo-client");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp091", "amqp10"})
    void clientWithACertificateFromTheEnvironmentIsAccepted(String transport) throws Exception {
        Map<String, String> environment = environment(transport);
        environment.put("POSTAGE_TLS_KEYSTORE", clientKeyStore.toString());
        environment.put("POSTAGE_TLS_KEYSTORE_PASSWORD", STORE_PASSWORD);

        RoundTrip.assertMessageAndRpcGoThrough(PostageConfig.fromEnvironment(environment));
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp091", "amqp10"})
    void clientWithoutACertificateIsRefusedWithOneConnectionException(String transport) {
        PostageConfig config = PostageConfig.fromEnvironment(environment(transport));

        Throwable failure = catchThrowable(() -> Producer.builder(Fingerprint.of("tls_probe", "application", config))
                .config(config).build().close());

        assertThat(failure).isExactlyInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Cannot connect to " + config.endpoint())
                .hasMessageContaining("require a client certificate? see POSTAGE_TLS_KEYSTORE");
        System.out.println("figures: tls " + transport + " no client certificate -> " + failure.getMessage());
    }

    private static Map<String, String> environment(String transport) {
        return new HashMap<>(Map.of("POSTAGE_URI", "amqps://guest:guest@localhost:" + broker.tlsPort() + "/%2F",
                "POSTAGE_TRANSPORT", transport, "POSTAGE_TLS_TRUSTSTORE", caPem.toString()));
    }
}
