package io.postage.demos.basicecho;

import io.postage.Eqk;
import io.postage.Fingerprint;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.demos.echo.EchoShared;
import java.util.Map;

/** {@code echo_receive.py}: waits for {@code echo} commands on {@code echo-queue} and prints their payload. */
public class EchoReceive extends MessageProcessor {

    public EchoReceive(ProcessorSettings settings) {
        super(Fingerprint.of("echo_receive", "controller", settings.config()),
                Eqk.of(EchoShared.ECHO, "echo-queue", "echo"), settings);
    }

    @MessageHandler(name = "echo")
    void echo(Map<String, Object> content) {
        System.out.println(content.get("parameters"));
    }
}
