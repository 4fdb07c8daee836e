package io.postage.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that started this JVM, to start it again: Postage 1.x's {@code restart} re-exec. */
public final class RestartCommand {
    private RestartCommand() {
    }

    /**
     * @return the executable and the arguments of the current process
     * @throws IllegalStateException if the operating system does not tell them
     */
    public static List<String> ofCurrentProcess() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        List<String> command = new ArrayList<>();
        command.add(info.command().orElseGet(
                () -> Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(info.arguments().orElseThrow(() -> new IllegalStateException(
                "The operating system does not report this process's arguments, so it cannot be restarted"))));
        return List.copyOf(command);
    }
}
