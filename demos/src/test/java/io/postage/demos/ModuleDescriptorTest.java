package io.postage.demos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.google.gson.Gson;
import io.postage.Message;
import io.postage.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each built library artifact is a named module whose descriptor matches the expected file under
 * {@code module-descriptors/}, whose {@code META-INF/services} agree with its {@code provides}, and
 * which resolves and finds its providers on the module path.
 */
class ModuleDescriptorTest {

    /** Module name to a class that lives in its artifact. */
    static Map<String, Class<?>> libraryModules() {
        return Map.of(
                "io.postage", Message.class,
                "io.postage.codec.json", Providers.encoder("jackson").getClass(),
                "io.postage.scheduler", Providers.scheduler("virtual-threads").getClass(),
                "io.postage.amqp091", Providers.transport("amqp091").getClass(),
                "io.postage.amqp10", Providers.transport("amqp10").getClass());
    }

    static List<String> moduleNames() {
        return List.copyOf(new TreeSet<>(libraryModules().keySet()));
    }

    @ParameterizedTest
    @MethodSource("moduleNames")
    void descriptorMatchesTheExpectedOne(String moduleName) throws IOException {
        ModuleReference module = moduleAt(locationOf(libraryModules().get(moduleName)));

        assertThat(module.descriptor().isAutomatic()).as("automatic module").isFalse();
        assertThat(describe(module.descriptor())).isEqualTo(expectedDescription(moduleName));
    }

    @ParameterizedTest
    @MethodSource("moduleNames")
    void metaInfServicesAgreeWithProvides(String moduleName) throws IOException {
        ModuleReference module = moduleAt(locationOf(libraryModules().get(moduleName)));

        try (ModuleReader reader = module.open()) {
            for (ModuleDescriptor.Provides provides : module.descriptor().provides()) {
                Optional<InputStream> services = reader.open("META-INF/services/" + provides.service());
                assertThat(services).as("META-INF/services/%s", provides.service()).isPresent();
                assertThat(serviceLines(services.get())).containsExactlyInAnyOrderElementsOf(provides.providers());
            }
        }
    }

    @Test
    void providersAreFoundOnTheModulePath() throws Exception {
        ModuleFinder finder = ModuleFinder.of(
                locationOf(Message.class),
                locationOf(libraryModules().get("io.postage.codec.json")),
                locationOf(libraryModules().get("io.postage.scheduler")),
                locationOf(libraryModules().get("io.postage.amqp091")),
                locationOf(JsonFactory.class),
                locationOf(Gson.class),
                locationOf(com.rabbitmq.client.Connection.class),
                locationOf(org.slf4j.Logger.class));
        Configuration configuration = ModuleLayer.boot().configuration().resolveAndBind(
                finder, ModuleFinder.of(), Set.of("io.postage", "com.google.gson"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        ClassLoader moduleLoader = layer.findLoader("io.postage");
        Class<?> providers = moduleLoader.loadClass("io.postage.Providers");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // As in an application launched with --module-path: the context loader defines the modules.
        thread.setContextClassLoader(moduleLoader);
        try {
            assertThat(providers.getMethod("encoderIds").invoke(null)).isEqualTo(Set.of("gson", "jackson"));
            assertThat(providers.getMethod("schedulerIds").invoke(null))
                    .isEqualTo(Set.of("cooperative", "virtual-threads"));
            assertThat(providers.getMethod("transportIds").invoke(null)).isEqualTo(Set.of("amqp091"));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ModuleReference moduleAt(Path location) {
        Set<ModuleReference> found = ModuleFinder.of(location).findAll();
        assertThat(found).as("modules at %s", location).hasSize(1);
        return found.iterator().next();
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One sorted line per directive, modifiers included, after a first line naming the module. */
    static String describe(ModuleDescriptor descriptor) {
        Set<String> lines = new TreeSet<>();
        descriptor.exports().forEach(exports -> lines.add("exports " + exports.source()
                + (exports.isQualified() ? " to " + String.join(", ", new TreeSet<>(exports.targets())) : "")));
        descriptor.opens().forEach(opens -> lines.add("opens " + opens.source()));
        descriptor.requires().forEach(requires -> lines.add("requires "
                + (requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) ? "static " : "")
                + (requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE) ? "transitive " : "")
                + requires.name()));
        descriptor.uses().forEach(uses -> lines.add("uses " + uses));
        descriptor.provides().forEach(provides -> lines.add("provides " + provides.service() + " with "
                + String.join(", ", new TreeSet<>(provides.providers()))));
        List<String> all = new ArrayList<>();
        all.add("module " + descriptor.name());
        all.addAll(lines);
        return String.join("\n", all) + "\n";
    }

    private static String expectedDescription(String moduleName) throws IOException {
        try (InputStream in = ModuleDescriptorTest.class.getResourceAsStream(
                "/module-descriptors/" + moduleName + ".txt")) {
            assertThat(in).as("expected descriptor file for %s", moduleName).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> serviceLines(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
