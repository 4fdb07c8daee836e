package io.postage.amqp10;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module descriptor and the class-path service file name the same provider, and nothing is exported. */
class ModuleDescriptorTest {

    @Test
    void theModuleExportsNothingAndProvidesTheTransportItsServiceFileNames() throws IOException {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("io.postage.amqp10");
        assertThat(descriptor.exports()).isEmpty();
        List<String> services = Files.readAllLines(Path.of(
                "target/classes/META-INF/services/io.postage.spi.TransportProvider"), StandardCharsets.UTF_8);
        assertThat(descriptor.provides()).singleElement().satisfies(provides -> {
            assertThat(provides.service()).isEqualTo("io.postage.spi.TransportProvider");
            assertThat(provides.providers()).isEqualTo(services);
        });
    }
}
