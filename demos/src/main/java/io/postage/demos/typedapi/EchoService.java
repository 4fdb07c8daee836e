package io.postage.demos.typedapi;

import io.postage.Eqk;
import io.postage.Fingerprint;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.RpcHandler;
import io.postage.demos.echo.EchoShared;
import java.util.Locale;
import java.util.Map;

/** Implements {@link EchoApi} on the receiving side. */
public class EchoService extends MessageProcessor {

    public EchoService(ProcessorSettings settings) {
        super(Fingerprint.of("echo_service", "service", settings.config()),
                Eqk.of(EchoShared.ECHO, "typed-echo-queue", "typed-echo"), settings);
    }

    @MessageHandler(name = "echo")
    void echo(Map<String, Object> content) {
        System.out.println("echo: " + content.get("parameters"));
    }

    @RpcHandler(name = "shout")
    String shout(Map<String, Object> content) {
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) content.get("parameters");
        return ((String) parameters.get("text")).toUpperCase(Locale.ROOT) + "!";
    }
}
