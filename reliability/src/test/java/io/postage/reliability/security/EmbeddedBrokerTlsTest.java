package io.postage.reliability.security;

import io.postage.PostageConfig;
import io.postage.testkit.broker.EmbeddedBroker;
import io.postage.testkit.tls.TestCa;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TlsBehaviours} on an embedded Qpid Broker-J with a TLS port whose certificate a CA made by the test
 * signed; also the CA given as a PEM file through {@code POSTAGE_TLS_TRUSTSTORE}.
 */
class EmbeddedBrokerTlsTest extends TlsBehaviours {
    private static final String STORE_PASSWORD = "store-secret";
    private static TestCa ca;
    private static EmbeddedBroker broker;
    private static Path caPem;

    @BeforeAll
    static void startBrokerWithTlsPort(@TempDir Path dir) {
        ca = TestCa.create("Postage embedded test CA");
        broker = EmbeddedBroker.builder()
                .tls(ca.issueKeyStore(dir.resolve("server.p12"), STORE_PASSWORD, CERTIFIED_HOST), STORE_PASSWORD)
                .start();
        caPem = ca.writePem(dir.resolve("ca.pem"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    PostageConfig.Builder amqps(String host) {
        return PostageConfig.builder().uri("amqps://guest:guest@" + host + ":" + broker.tlsPort() + "/%2F");
    }

    @Override
    SSLContext trustingTheCa() {
        return ca.trustingContext();
    }

    @Test
    void caGivenAsPemFileInTheEnvironmentIsTrusted() throws Exception {
        PostageConfig config = PostageConfig.fromEnvironment(Map.of(
                "POSTAGE_URI", "amqps://guest:guest@" + CERTIFIED_HOST + ":" + broker.tlsPort() + "/%2F",
                "POSTAGE_TLS_TRUSTSTORE", caPem.toString()));

        RoundTrip.assertMessageAndRpcGoThrough(config);
    }
}
