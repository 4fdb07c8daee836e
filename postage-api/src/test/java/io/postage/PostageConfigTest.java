package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostageConfigTest {

    @Test
    void defaultsArePostage1Defaults() {
        PostageConfig config = PostageConfig.fromEnvironment(Map.of());

        assertThat(config.host()).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(5672);
        assertThat(config.vhost()).isEqualTo("/");
        assertThat(config.user()).isEqualTo("guest");
        assertThat(config.password()).isEqualTo("guest");
        assertThat(config.uri()).isEmpty();
        assertThat(config.transport()).isEqualTo("amqp091");
        assertThat(config.codec()).isEqualTo("jackson");
        assertThat(config.debugMode()).isFalse();
    }

    @Test
    void fromEnvironmentReadsEveryVariable() {
        PostageConfig config = PostageConfig.fromEnvironment(Map.of(
                "POSTAGE_HOST", "rabbit", "POSTAGE_PORT", "5673", "POSTAGE_VHOST", "orders",
                "POSTAGE_USER", "bob", "POSTAGE_PASSWORD", "secret", "POSTAGE_URI", "amqps://bob@rabbit/orders",
                "POSTAGE_TRANSPORT", "amqp10", "POSTAGE_CODEC", "gson", "POSTAGE_DEBUG_MODE", "True"));

        assertThat(config.host()).isEqualTo("rabbit");
        assertThat(config.port()).isEqualTo(5673);
        assertThat(config.vhost()).isEqualTo("orders");
        assertThat(config.user()).isEqualTo("bob");
        assertThat(config.password()).isEqualTo("secret");
        assertThat(config.uri()).contains(URI.create("amqps://bob@rabbit/orders"));
        assertThat(config.transport()).isEqualTo("amqp10");
        assertThat(config.codec()).isEqualTo("gson");
        assertThat(config.debugMode()).isTrue();
    }

    @Test
    void deprecatedRmqVariablesAreStillHonoured() {
        PostageConfig config = PostageConfig.fromEnvironment(
                Map.of("POSTAGE_RMQ_USER", "old", "POSTAGE_RMQ_PASSWORD", "oldpw"));

        assertThat(config.user()).isEqualTo("old");
        assertThat(config.password()).isEqualTo("oldpw");
    }

    @Test
    void newVariablesWinOverDeprecatedOnes() {
        PostageConfig config = PostageConfig.fromEnvironment(Map.of("POSTAGE_RMQ_USER", "old", "POSTAGE_USER", "new"));

        assertThat(config.user()).isEqualTo("new");
    }

    @Test
    void codeWinsOverTheEnvironment() {
        PostageConfig config = PostageConfig.fromEnvironment(Map.of("POSTAGE_VHOST", "env"))
                .toBuilder().vhost("code").build();

        assertThat(config.vhost()).isEqualTo("code");
    }

    @Test
    void toBuilderKeepsEverySetting() {
        PostageConfig config = PostageConfig.builder().host("h").port(1).vhost("v").user("u").password("p")
                .uri("amqp://h:1/v").transport("amqp10").codec("gson").debugMode(true).build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void aBadPortNamesTheVariableAndTheValue() {
        assertThatThrownBy(() -> PostageConfig.fromEnvironment(Map.of("POSTAGE_PORT", "abc")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("POSTAGE_PORT must be a port number between 1 and 65535, not \"abc\"");
        assertThatThrownBy(() -> PostageConfig.fromEnvironment(Map.of("POSTAGE_PORT", "70000")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("70000");
    }

    @Test
    void aUriThatIsNotAmqpIsRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> PostageConfig.fromEnvironment(Map.of("POSTAGE_URI", "http://bob:secret@rabbit/")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("POSTAGE_URI must start with amqp:// or amqps://")
                .hasMessageNotContaining("secret");
    }

    @Test
    void toStringNeverShowsThePasswordNotEvenInTheUri() {
        PostageConfig pieces = PostageConfig.builder().password("secret").build();
        PostageConfig uri = PostageConfig.builder().uri("amqp://bob:secret@rabbit:5672/orders").build();

        assertThat(pieces.toString()).doesNotContain("secret").contains("amqp://guest@localhost:5672/");
        assertThat(uri.toString()).doesNotContain("secret").contains("amqp://bob:****@rabbit:5672/orders");
        assertThat(uri.endpoint()).doesNotContain("secret");
    }

    @Test
    void aUriWhosePortIsNotANumberIsRefusedInsteadOfConnectingToLocalhost() {
        assertThatThrownBy(() -> PostageConfig.builder().uri("amqp://bob:secret@rabbit:port/orders"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("numeric port")
                .hasMessageContaining("amqp://bob:****@rabbit:port/orders")
                .hasMessageNotContaining("secret");
    }

    @Test
    void tlsTrustStoreFromTheEnvironmentBecomesTheSslContext(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("trust.p12");
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        try (OutputStream out = Files.newOutputStream(store)) {
            empty.store(out, "store-secret".toCharArray());
        }

        PostageConfig config = PostageConfig.fromEnvironment(Map.of("POSTAGE_TLS_TRUSTSTORE", store.toString(),
                "POSTAGE_TLS_TRUSTSTORE_PASSWORD", "store-secret"));

        assertThat(config.sslContext()).isPresent();
        assertThat(config.toString()).contains("sslContext=given").doesNotContain("store-secret");
        assertThat(config.toBuilder().build().sslContext()).isEqualTo(config.sslContext());
        assertThat(config.toBuilder().defaultSslContext().build().sslContext()).isEmpty();
    }

    @Test
    void anUnusableTrustStoreNamesTheVariableAndTheFileButNotThePassword(@TempDir Path dir) throws Exception {
        Path notAStore = Files.writeString(dir.resolve("trust.p12"), "not a key store");

        assertThatThrownBy(() -> PostageConfig.fromEnvironment(Map.of("POSTAGE_TLS_TRUSTSTORE", notAStore.toString(),
                "POSTAGE_TLS_TRUSTSTORE_PASSWORD", "store-secret")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("POSTAGE_TLS_TRUSTSTORE names a store that cannot be used: " + notAStore)
                .hasMessageNotContaining("store-secret");
        assertThatThrownBy(() -> PostageConfig.fromEnvironment(Map.of("POSTAGE_TLS_KEYSTORE",
                dir.resolve("missing.p12").toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("POSTAGE_TLS_KEYSTORE names a store that cannot be used");
    }
}
