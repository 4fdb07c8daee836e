package io.postage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void ofReadsPidHostAndUserFromTheOperatingSystem() {
        Fingerprint fingerprint = Fingerprint.of("echo_send", "application",
                PostageConfig.builder().vhost("orders").build());

        assertThat(fingerprint.name()).isEqualTo("echo_send");
        assertThat(fingerprint.type()).isEqualTo("application");
        assertThat(fingerprint.pid()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(fingerprint.host()).isNotBlank();
        assertThat(fingerprint.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(fingerprint.vhost()).isEqualTo("orders");
    }

    @Test
    void asMapAndAsListKeepTheWireOrder() {
        Fingerprint fingerprint = new Fingerprint("n", "t", "1", "h", "u", "v");

        assertThat(fingerprint.asMap().keySet()).containsExactlyElementsOf(Fingerprint.KEYS);
        assertThat(fingerprint.asMap().values()).containsExactly("n", "t", "1", "h", "u", "v");
        assertThat(fingerprint.asList()).containsExactly("n", "t", "1", "h", "u", "v");
    }
}
