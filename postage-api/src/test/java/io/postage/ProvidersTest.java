package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.internal.ProviderRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    private record Named(String id) {
    }

    private record OtherNamed(String id) {
    }

    @Test
    void aMissingTransportNamesTheArtifactToAddAndTheIdsFound() {
        // postage-api's own tests have no provider on the class path
        assertThatThrownBy(() -> Providers.transport("amqp10"))
                .isInstanceOf(ProviderNotFoundException.class)
                .hasMessage("No transport \"amqp10\" found; add io.postage:postage-amqp10 "
                        + "to the module path or class path (found: none)");
    }

    @Test
    void aMissingProviderListsTheIdsThatWereFound() {
        ProviderRegistry<Named> registry = new ProviderRegistry<>("codec",
                List.of(new Named("jackson"), new Named("custom")), Named::id, Map.of("gson", "io.postage:postage-codec-json"));

        assertThatThrownBy(() -> registry.get("gson"))
                .isInstanceOf(ProviderNotFoundException.class)
                .hasMessage("No codec \"gson\" found; add io.postage:postage-codec-json "
                        + "to the module path or class path (found: custom, jackson)");
        assertThat(registry.get("custom")).isEqualTo(new Named("custom"));
        assertThat(registry.ids()).containsExactly("custom", "jackson");
    }

    @Test
    void twoProvidersWithOneIdAreRefused() {
        List<Record> providers = List.of(new Named("jackson"), new OtherNamed("jackson"));

        assertThatThrownBy(() -> new ProviderRegistry<>("codec", providers,
                        provider -> provider instanceof Named n ? n.id() : ((OtherNamed) provider).id(), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Two codec providers claim the id \"jackson\"")
                .hasMessageContaining(Named.class.getName())
                .hasMessageContaining(OtherNamed.class.getName());
    }
}
