package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiParametersTest {

    @TempDir
    Path dir;

    interface Api {
        @Command
        void echo(String text, Route route, List<Object> tags);

        @Command
        void configure(Map<String, Object> settings);

        @Command
        void nothing();
    }

    private static ApiParameters parametersOf(Class<?> api, String name) {
        Method method = Stream.of(api.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        return ApiParameters.of(method, api.getSimpleName() + "." + name);
    }

    @Test
    void parametersAreKeyedByNameInDeclarationOrderAroundTheRoute() {
        ApiParameters parameters = parametersOf(Api.class, "echo");
        Route route = Route.key("k");
        Object[] args = {"hi", route, List.of("a")};

        assertThat(parameters.parameters(args)).isEqualTo(Map.of("text", "hi", "tags", List.of("a")));
        assertThat(parameters.route(args)).isSameAs(route);
        assertThat(parameters.sendsNothing()).isFalse();
    }

    @Test
    void aSingleMapArgumentIsTheParametersAndAMethodWithoutArgumentsSendsAnEmptyObject() {
        Map<String, Object> settings = Map.of("level", "debug");

        assertThat(parametersOf(Api.class, "configure").parameters(new Object[] {settings})).isSameAs(settings);
        assertThat(parametersOf(Api.class, "nothing").parameters(null)).isEqualTo(Map.of());
        assertThat(parametersOf(Api.class, "nothing").route(null)).isSameAs(Route.defaults());
        assertThat(parametersOf(Api.class, "nothing").sendsNothing()).isTrue();
    }

    @Test
    void anInterfaceCompiledWithoutParameterNamesIsRefusedWithTheFix() throws Exception {
        Class<?> api = compileWithoutParameterNames("""
                package compiled;

                public interface NoNames {
                    @io.postage.Command
                    void echo(String text);
                }
                """);

        assertThatThrownBy(() -> TypedApi.create(api, new RecordingTarget()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NoNames.echo: the names of its parameters are not available (found arg0)")
                .hasMessageContaining("javac -parameters");
    }

    @Test
    void aSingleMapParameterNeedsNoName() throws Exception {
        Class<?> api = compileWithoutParameterNames("""
                package compiled;

                public interface NoNames {
                    @io.postage.Command
                    void configure(java.util.Map<String, Object> settings);
                }
                """);

        assertThat(TypedApi.create(api, new RecordingTarget())).isNotNull();
    }

    private Class<?> compileWithoutParameterNames(String source) throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path file = Files.createDirectories(dir.resolve("compiled")).resolve("NoNames.java");
        Files.writeString(file, source);
        Path apiClasses = Path.of(Command.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        int status = javac.run(System.out, System.err,
                "-classpath", apiClasses.toString(), "-d", dir.toString(), file.toString());
        assertThat(status).as("javac exit status").isZero();
        @SuppressWarnings("resource") // the class must stay loadable for the whole test
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass("compiled.NoNames");
    }
}
