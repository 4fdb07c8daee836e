package io.postage.demos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's echo example is the compiled demo {@code io.postage.demos.readme.Echo}, so it cannot rot. */
class ReadmeTest {

    @Test
    void theReadmeEchoExampleIsTheEchoDemoWordForWord() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher firstJavaBlock = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(firstJavaBlock.find()).as("README.md has a Java example").isTrue();

        String demo = Files.readString(Path.of("src/main/java/io/postage/demos/readme/Echo.java"));

        assertThat("package io.postage.demos.readme;\n\n" + firstJavaBlock.group(1)).isEqualTo(demo);
    }
}
