package io.postage.demos.rpcecho;

import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.PostageConfig;
import io.postage.Producer;
import io.postage.demos.echo.EchoShared;

/** The RPC echo client: calls {@code echo} and prints the reply, or "RPC failed". */
public final class EchoSend {
    private EchoSend() {
    }

    public static void send(PostageConfig config) {
        try (Producer producer = Producer.builder(Fingerprint.of("echo_send", "application", config))
                .config(config)
                .eks(EchoShared.ECHO, "echo")
                .build()) {
            Message reply = producer.rpc("echo", "RPC test message");
            if (reply.isSuccess()) {
                System.out.println(reply.content().get("value"));
            } else {
                System.out.println("RPC failed");
            }
        }
    }
}
