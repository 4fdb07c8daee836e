package io.postage.demos.typedapi;

import io.postage.Fingerprint;
import io.postage.PostageConfig;
import io.postage.Producer;
import io.postage.demos.echo.EchoShared;

/** Uses {@link EchoApi} like a local interface; Postage turns each call into a message. */
public final class EchoClient {
    private EchoClient() {
    }

    public static void call(PostageConfig config) {
        try (Producer producer = Producer.builder(Fingerprint.of("echo_client", "application", config))
                .config(config)
                .eks(EchoShared.ECHO, "typed-echo")
                .build()) {
            EchoApi echo = producer.api(EchoApi.class);
            echo.echo("hello, typed world");
            System.out.println("shout replied: " + echo.shout("hello, typed world"));
        }
    }
}
