package io.postage.demos.basicecho;

import io.postage.Fingerprint;
import io.postage.PostageConfig;
import io.postage.Producer;
import io.postage.demos.echo.EchoShared;

/** {@code echo_send.py}: sends one {@code echo} command each time it runs. */
public final class EchoSend {
    private EchoSend() {
    }

    public static void send(PostageConfig config) {
        try (Producer producer = Producer.builder(Fingerprint.of("echo_send", "application", config))
                .config(config)
                .eks(EchoShared.ECHO, "echo")
                .build()) {
            producer.message("echo", "A test message");
        }
    }
}
