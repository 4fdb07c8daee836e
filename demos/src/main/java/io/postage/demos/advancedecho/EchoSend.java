package io.postage.demos.advancedecho;

import io.postage.Fingerprint;
import io.postage.PostageConfig;
import io.postage.Producer;
import io.postage.Route;
import io.postage.demos.echo.EchoShared;

/** The advanced echo sender: stamps its fingerprint, sends to the shared queue and to every receiver. */
public final class EchoSend {
    private EchoSend() {
    }

    public static void send(PostageConfig config) {
        Fingerprint fingerprint = Fingerprint.of("echo_send", "application", config);
        try (Producer producer = Producer.builder(fingerprint).config(config).eks(EchoShared.ECHO, "echo").build()) {
            producer.message("echo", "A single test message");
            producer.message("echo", "Another single test message");
            producer.message("echo", "A fanout test message", Route.key("echo-fanout"));
        }
    }
}
