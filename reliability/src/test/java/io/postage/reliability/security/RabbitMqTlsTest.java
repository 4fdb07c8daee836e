package io.postage.reliability.security;

import io.postage.PostageConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link TlsBehaviours} on RabbitMQ's TLS listener, which {@code .ci/rabbitmq-tls.sh} sets up with a CA it
 * generates. {@code POSTAGE_TEST_TLS_CA} names that CA's PEM file (read through {@code POSTAGE_TLS_TRUSTSTORE},
 * as a user would); {@code POSTAGE_TEST_TLS_URI} the listener (default {@value #DEFAULT_URI}, whose
 * {@code postage.management} option points the AMQP 1.0 transport at the plain management API). Without
 * them the tests are skipped with the reason, except where {@code POSTAGE_TEST_REQUIRE=rabbitmq} (CI): there
 * they fail.
 */
class RabbitMqTlsTest extends TlsBehaviours {
    static final String DEFAULT_URI = "amqps://guest:guest@localhost:5671/%2F?postage.management=http://localhost:15672";

    private static URI uri;
    private static SSLContext trusting;

    @BeforeAll
    static void findTheTlsListener() {
        uri = URI.create(Objects.requireNonNullElse(System.getenv("POSTAGE_TEST_TLS_URI"), DEFAULT_URI));
        String ca = System.getenv("POSTAGE_TEST_TLS_CA");
        String missing = ca == null ? "POSTAGE_TEST_TLS_CA is not set"
                : listening(uri) ? null : "nothing listens at " + uri.getHost() + ":" + uri.getPort();
        if (missing != null) {
            String reason = "RabbitMQ's TLS listener is not set up (" + missing + "); run .ci/rabbitmq-tls.sh";
            if ("rabbitmq".equals(System.getenv("POSTAGE_TEST_REQUIRE"))) {
                Assertions.fail("POSTAGE_TEST_REQUIRE=rabbitmq: " + reason);
            }
            Assumptions.abort(reason);
        }
        trusting = PostageConfig.fromEnvironment(Map.of("POSTAGE_TLS_TRUSTSTORE", ca)).sslContext().orElseThrow();
    }

    private static boolean listening(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    PostageConfig.Builder amqps(String host) {
        try {
            return PostageConfig.builder().uri(new URI(uri.getScheme(), uri.getRawUserInfo(), host, uri.getPort(),
                    null, null, null) + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    SSLContext trustingTheCa() {
        return trusting;
    }
}
