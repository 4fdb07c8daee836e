package io.postage.demos.crosstransport;

import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.RpcHandler;
import java.util.Map;

/**
 * A component that hears {@code hello} and answers {@code ask}. The same class runs over AMQP 0-9-1
 * or AMQP 1.0: only its settings' transport differs.
 */
public class Desk extends MessageProcessor {
    /** The exchange both desks listen to, each with its own key. */
    public static final Exchange CROSS = Exchange.direct("cross-exchange");

    public Desk(String name, ProcessorSettings settings) {
        super(Fingerprint.of(name, "desk", settings.config()), Eqk.of(CROSS, name + "-queue", name), settings);
    }

    @MessageHandler(name = "hello")
    void hello(Message message, Map<String, Object> content) {
        System.out.println("[" + transport() + "] " + fingerprint().name() + " heard \"" + content.get("parameters")
                + "\" from " + message.fingerprint().map(Fingerprint::name).orElse("someone"));
    }

    @RpcHandler(name = "ask")
    String ask(Map<String, Object> content) {
        return fingerprint().name() + " answers \"" + content.get("parameters") + "\" over " + transport();
    }

    private String transport() {
        return settings().config().transport();
    }
}
