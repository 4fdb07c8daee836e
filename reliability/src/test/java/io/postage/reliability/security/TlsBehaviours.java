package io.postage.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.postage.ConnectionException;
import io.postage.Fingerprint;
import io.postage.PostageConfig;
import io.postage.Producer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code amqps} must do on every broker and over both transports: go through when the client trusts
 * the broker's CA, and fail with one clear {@link ConnectionException} when it does not, or when the
 * certificate names another host. The broker's certificate is issued for {@value #CERTIFIED_HOST} only, so
 * connecting to {@value #UNCERTIFIED_HOST} (the same listener) must fail host-name verification.
 */
@Timeout(60)
abstract class TlsBehaviours {
    /** The one name in the broker's certificate. */
    static final String CERTIFIED_HOST = "localhost";
    /** The same listener under a name the certificate does not hold. */
    static final String UNCERTIFIED_HOST = "127.0.0.1";

    /**
     * @param host the host to connect to
     * @return a configuration with the {@code amqps} URI of the broker's TLS listener at that host
     */
    abstract PostageConfig.Builder amqps(String host);

    /** @return a TLS context trusting the broker's CA */
    abstract SSLContext trustingTheCa();

    @ParameterizedTest
    @ValueSource(strings = {"amqp091", "amqp10"})
    void messageAndRpcGoThroughOverAmqpsWhenTheClientTrustsTheCa(String transport) throws Exception {
        RoundTrip.assertMessageAndRpcGoThrough(amqps(CERTIFIED_HOST).transport(transport).sslContext(trustingTheCa())
                .build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp091", "amqp10"})
    void clientThatDoesNotTrustTheCaFailsWithOneConnectionException(String transport) {
        PostageConfig config = amqps(CERTIFIED_HOST).transport(transport).build();

        Throwable failure = connect(config);

        assertThat(failure).isExactlyInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Cannot connect to " + config.endpoint())
                .hasMessageContaining("TLS failed")
                .hasMessageContaining("certification path");
        System.out.println("figures: tls " + transport + " untrusted CA -> " + failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp091", "amqp10"})
    void certificateForAnotherHostNameIsRefused(String transport) {
        PostageConfig config = amqps(UNCERTIFIED_HOST).transport(transport).sslContext(trustingTheCa()).build();

        Throwable failure = connect(config);

        assertThat(failure).isExactlyInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Cannot connect to " + config.endpoint())
                .hasMessageContaining("TLS failed")
                .hasMessageContaining(UNCERTIFIED_HOST);
        System.out.println("figures: tls " + transport + " wrong host name -> " + failure.getMessage());
    }

    private static Throwable connect(PostageConfig config) {
        return catchThrowable(() -> Producer.builder(Fingerprint.of("tls_probe", "application", config)).config(config)
                .build().close());
    }
}
