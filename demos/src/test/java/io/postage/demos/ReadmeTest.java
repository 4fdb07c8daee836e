package io.postage.demos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of README.md runs: a block marked {@code <!-- demo: path -->} is that demo file
 * word for word (after its package and imports), and every other block compiles against Postage.
 */
class ReadmeTest {
    private static final Path ROOT = Path.of("..");
    private static final String DEMO_MARKER = "<!-- demo: ";

    /** A Java block of the README and the demo file it shows, if marked. */
    record JavaBlock(Optional<String> demoFile, String code) {
    }

    static List<JavaBlock> javaBlocks() throws IOException {
        List<JavaBlock> blocks = new ArrayList<>();
        String previous = "";
        StringBuilder code = null;
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            if (code != null) {
                if (line.equals("```")) {
                    blocks.add(new JavaBlock(previous.startsWith(DEMO_MARKER)
                            ? Optional.of(previous.substring(DEMO_MARKER.length(), previous.length() - " -->".length()))
                            : Optional.empty(), code.toString()));
                    code = null;
                    previous = "";
                } else {
                    code.append(line).append('\n');
                }
            } else if (line.equals("```java")) {
                code = new StringBuilder();
            } else if (!line.isBlank()) {
                previous = line;
            }
        }
        return blocks;
    }

    @Test
    void everyDemoBlockIsItsDemoFileWordForWord() throws IOException {
        List<JavaBlock> demos = javaBlocks().stream().filter(block -> block.demoFile().isPresent()).toList();

        assertThat(demos).as("the quick start shows demo files").hasSizeGreaterThanOrEqualTo(8);
        for (JavaBlock block : demos) {
            assertThat(block.code()).as(block.demoFile().get()).isEqualTo(withoutHeader(ROOT.resolve(block.demoFile().get())));
        }
    }

    @Test
    void everyOtherJavaBlockCompiles(@TempDir Path classes) throws IOException {
        StringBuilder types = new StringBuilder();
        StringBuilder snippets = new StringBuilder();
        int count = 0;
        for (JavaBlock block : javaBlocks()) {
            if (block.demoFile().isPresent()) {
                continue;
            }
            String code = block.code().strip();
            if (code.matches("(?s)^(public |final |abstract )*(class|interface|record|enum) .*")) {
                types.append(code).append("\n\n");
            } else {
                snippets.append("    void snippet").append(count++).append("() throws Exception {\n").append(code)
                        .append("\n    }\n\n");
            }
        }
        String source = "import io.postage.*;\nimport java.util.*;\nimport java.time.*;\n\n"
                + "class ReadmeSnippets {\n" + types + snippets + "}\n";

        assertThat(count).as("the API documentation has snippets").isGreaterThanOrEqualTo(8);
        assertThat(compile(source, classes)).as("javac's complaints about:%n%s", source).isEmpty();
    }

    private static String compile(String source, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///ReadmeSnippets.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("--release", "21", "-proc:none", "-parameters",
                "-cp", System.getProperty("java.class.path"), "-d", classes.toString()), null, List.of(file)).call();
        return compiled ? "" : errors.toString();
    }

    private static String withoutHeader(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int first = 0;
        while (first < lines.size() && (lines.get(first).startsWith("package ") || lines.get(first).startsWith("import ")
                || lines.get(first).isBlank())) {
            first++;
        }
        return String.join("\n", lines.subList(first, lines.size())) + "\n";
    }
}
