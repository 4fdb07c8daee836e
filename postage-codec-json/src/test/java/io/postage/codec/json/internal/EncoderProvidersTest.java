package io.postage.codec.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.ConfigurationException;
import io.postage.Providers;
import io.postage.spi.DecodeLimits;
import io.postage.spi.EncoderProvider;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codecs are found by id, declared alike for the module path and the class path, and Gson stays optional. */
class EncoderProvidersTest {

    @Test
    void providerIdsAreJacksonAndGson() {
        assertThat(new JacksonEncoderProvider().id()).isEqualTo("jackson");
        assertThat(new GsonEncoderProvider().id()).isEqualTo("gson");
    }

    @Test
    void providersFindBothCodecsByIdThroughTheServiceLoaderOnTheClassPath() {
        assertThat(Providers.encoder("jackson")).isInstanceOf(JacksonEncoderProvider.class);
        assertThat(Providers.encoder("gson")).isInstanceOf(GsonEncoderProvider.class);
        assertThat(Providers.encoderIds()).contains("jackson", "gson");
    }

    @Test
    void serviceFileListsTheProvidersTheModuleDescriptorProvides() throws IOException {
        List<String> serviceFile = Files.readAllLines(
                compiledClasses().resolve("META-INF/services/io.postage.spi.EncoderProvider")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();

        ModuleDescriptor.Provides provides = descriptor().provides().stream()
                .filter(p -> p.service().equals(EncoderProvider.class.getName()))
                .findFirst().orElseThrow();
        assertThat(serviceFile).containsExactlyElementsOf(provides.providers())
                .containsExactly(JacksonEncoderProvider.class.getName(), GsonEncoderProvider.class.getName());
    }

    @Test
    void moduleExportsNothingAndNeedsGsonOnlyAtCompileTime() {
        ModuleDescriptor descriptor = descriptor();

        assertThat(descriptor.name()).isEqualTo("io.postage.codec.json");
        assertThat(descriptor.exports()).isEmpty();
        assertThat(descriptor.requires())
                .filteredOn(requires -> requires.name().equals("com.google.gson"))
                .singleElement()
                .satisfies(gson -> assertThat(gson.modifiers()).containsExactly(Requires.Modifier.STATIC));
    }

    @Test
    void gsonCodecWithoutGsonFailsWithASentenceNamingTheArtifact() throws Exception {
        try (URLClassLoader withoutGson = new CodecClassesWithoutGson(compiledClasses().toUri().toURL())) {
            EncoderProvider provider = (EncoderProvider) withoutGson
                    .loadClass(GsonEncoderProvider.class.getName()).getConstructor().newInstance();

            assertThat(provider.id()).isEqualTo("gson");
            assertThatThrownBy(() -> provider.create(DecodeLimits.DEFAULT))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("add com.google.code.gson:gson");
        }
    }

    private static ModuleDescriptor descriptor() {
        return ModuleFinder.of(compiledClasses()).findAll().iterator().next().descriptor();
    }

    private static Path compiledClasses() {
        try {
            return Path.of(JsonEncoder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads this module's classes itself, everything else from the test class path, and hides Gson. */
    private static final class CodecClassesWithoutGson extends URLClassLoader {
        CodecClassesWithoutGson(URL codecClasses) {
            super(new URL[] {codecClasses}, EncoderProvidersTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.google.gson.")) {
                throw new ClassNotFoundException(name + " is hidden by this test");
            }
            if (!name.startsWith(JsonEncoder.class.getPackageName() + ".")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }
}
