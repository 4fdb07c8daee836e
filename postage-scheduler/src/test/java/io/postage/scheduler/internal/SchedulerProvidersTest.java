package io.postage.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.MicroScheduler;
import io.postage.Providers;
import io.postage.spi.SchedulerProvider;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Users find both schedulers through ServiceLoader, and both registrations agree. */
class SchedulerProvidersTest {

    @Test
    void theBuilderFindsTheCooperativeSchedulerOnTheClassPath() {
        try (MicroScheduler scheduler = MicroScheduler.builder().scheduler("cooperative").build()) {
            assertThat(scheduler).isInstanceOf(CooperativeScheduler.class);
        }
    }

    @Test
    void createFindsTheVirtualThreadSchedulerAsTheDefault() {
        try (MicroScheduler scheduler = MicroScheduler.create()) {
            assertThat(scheduler).isInstanceOf(VirtualThreadScheduler.class);
        }
    }

    @Test
    void bothSchedulerIdsAreRegistered() {
        assertThat(Providers.schedulerIds()).containsExactly("cooperative", "virtual-threads");
    }

    @Test
    void moduleDescriptorAndServiceFileDeclareTheSameProvidersAndExportNothing()
            throws IOException, URISyntaxException {
        Path classes = Path.of(CooperativeSchedulerProvider.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        ModuleDescriptor descriptor = ModuleFinder.of(classes).findAll().stream()
                .map(ModuleReference::descriptor).findFirst().orElseThrow();
        List<String> serviceFile = Files.readAllLines(
                classes.resolve("META-INF/services/" + SchedulerProvider.class.getName())).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        assertThat(descriptor.name()).isEqualTo("io.postage.scheduler");
        assertThat(descriptor.exports()).isEmpty();
        assertThat(descriptor.provides()).singleElement().satisfies(provides -> {
            assertThat(provides.service()).isEqualTo(SchedulerProvider.class.getName());
            assertThat(provides.providers()).containsExactlyElementsOf(serviceFile);
        });
        assertThat(serviceFile).containsExactly(VirtualThreadSchedulerProvider.class.getName(),
                CooperativeSchedulerProvider.class.getName());
    }
}
