package io.postage.amqp10.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.ConfigurationException;
import io.postage.PostageConfig;
import io.postage.RecoveryPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a Postage configuration becomes a Qpid JMS URI. */
class EndpointTest {

    private static Endpoint of(String uri) {
        return Endpoint.of(PostageConfig.builder().uri(uri).build());
    }

    @Test
    void aUriGivesHostPortCredentialsAndVirtualHostAndKeepsTheCredentialsOutOfTheQpidUri() {
        Endpoint endpoint = of("amqp://bob:p%40ss@broker.example:5673/orders");
        assertThat(endpoint.hosts()).containsExactly("broker.example:5673");
        assertThat(endpoint.user()).isEqualTo("bob");
        assertThat(endpoint.password()).isEqualTo("p@ss");
        assertThat(endpoint.vhost()).isEqualTo("orders");
        assertThat(endpoint.tls()).isFalse();
        assertThat(endpoint.qpidUri(Optional.of("vhost:orders"))).startsWith("amqp://broker.example:5673?")
                .contains("jms.requestTimeout=5000", "jms.receiveLocalOnly=true", "jms.receiveNoWaitLocalOnly=true",
                        "jms.redeliveryPolicy.outcome=REJECTED", "amqp.vhost=vhost%3Aorders")
                .doesNotContain("bob", "p@ss", "p%40ss");
    }

    @Test
    void theDefaultVirtualHostIsSlashWithOrWithoutAPath() {
        assertThat(of("amqp://h").vhost()).isEqualTo("/");
        assertThat(of("amqp://h/").vhost()).isEqualTo("/");
        assertThat(of("amqp://h/%2F").vhost()).isEqualTo("/");
        assertThat(of("amqps://h").hosts()).containsExactly("h:5671");
        assertThat(of("amqps://h").qpidUri(Optional.empty())).startsWith("amqps://h:5671?").doesNotContain("amqp.vhost");
    }

    @Test
    void withoutAUriTheConfigurationPiecesApply() {
        Endpoint endpoint = Endpoint.of(PostageConfig.builder().host("rabbit").port(5600).vhost("v").user("u")
                .password("p").build());
        assertThat(endpoint.hosts()).containsExactly("rabbit:5600");
        assertThat(endpoint.vhost()).isEqualTo("v");
        assertThat(endpoint.user()).isEqualTo("u");
        assertThat(endpoint.password()).isEqualTo("p");
    }

    @Test
    void postageOptionsAreTakenOutAndQpidOptionsPassThroughOverTheDefaults() {
        Endpoint endpoint = of("amqp://h:1/?postage.dialect=generic&postage.management=http://m:15672"
                + "&jms.requestTimeout=9000&transport.connectTimeout=100");
        assertThat(endpoint.dialect()).contains("generic");
        assertThat(endpoint.management()).hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo("http://m:15672"));
        assertThat(endpoint.qpidUri(Optional.empty())).contains("jms.requestTimeout=9000", "transport.connectTimeout=100")
                .doesNotContain("jms.requestTimeout=5000", "postage.");
    }

    @Test
    void failoverBrokersMakeAFailoverUriThatTriesEachOnceAtStartAndSharesTheVirtualHost() {
        Endpoint endpoint = of("amqps://h1:5671/v?postage.failover=h2:5672,h3&failover.maxReconnectAttempts=20");
        assertThat(endpoint.qpidUri(Optional.of("v")))
                .startsWith("failover:(amqps://h1:5671,amqps://h2:5672,amqps://h3:5671)?")
                .contains("failover.maxReconnectAttempts=20", "failover.startupMaxReconnectAttempts=3",
                        "failover.nested.amqp.vhost=v", "jms.requestTimeout=5000");
    }

    @Test
    void failoverReconnectsWithTheRecoveryPolicysExponentialBackoffUnlessTheUriSaysOtherwise() {
        PostageConfig config = PostageConfig.builder().uri("amqp://h1/?postage.failover=h2&failover.maxReconnectDelay=777")
                .recovery(new RecoveryPolicy(Duration.ofMillis(50), Duration.ofSeconds(3), Duration.ofSeconds(7))).build();
        assertThat(Endpoint.of(config).qpidUri(Optional.empty()))
                .contains("failover.initialReconnectDelay=50", "failover.reconnectDelay=50", "failover.useReconnectBackOff=true",
                        "failover.reconnectBackOffMultiplier=2", "jms.sendTimeout=7000", "failover.maxReconnectDelay=777")
                .doesNotContain("failover.maxReconnectDelay=3000");
        assertThat(of("amqp://h1/").qpidUri(Optional.empty())).doesNotContain("failover.", "jms.sendTimeout");
    }

    @Test
    void aBadPostageOptionIsAConfigurationError() {
        assertThatThrownBy(() -> of("amqp://h/?postage.management=not-a-uri")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("postage.management");
        assertThatThrownBy(() -> DialectKind.of("bogus")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("rabbitmq, qpid-broker-j, generic");
    }
}
