package io.postage.demos.advancedecho;

import io.postage.Eqk;
import io.postage.Fingerprint;
import io.postage.MessageHandler;
import io.postage.MessageHandlerFullBody;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.QueueSpec;
import io.postage.demos.echo.EchoShared;
import java.util.Map;

/**
 * The advanced echo receiver: a shared queue ({@code echo-queue}, key {@code echo}: receivers take
 * turns) and a private queue named from its fingerprint ({@code echo-queue-<pid><host>}, key
 * {@code echo-fanout}: every receiver gets a copy), and two handlers for one message.
 */
public class EchoReceive extends MessageProcessor {

    public EchoReceive(Fingerprint fingerprint, ProcessorSettings settings) {
        super(fingerprint, Eqk.builder()
                .exchange(EchoShared.ECHO)
                .queue("echo-queue", "echo")
                .queue(QueueSpec.privateFor("echo-queue", fingerprint), "echo-fanout")
                .build(), settings);
    }

    @MessageHandler(name = "echo")
    void echo(Map<String, Object> content) {
        System.out.println("[" + fingerprint().pid() + "] " + content.get("parameters"));
    }

    @MessageHandlerFullBody(name = "echo")
    void echoFingerprint(Map<String, Object> body) {
        System.out.println("[" + fingerprint().pid() + "] Message fingerprint: " + body.get("fingerprint"));
    }
}
