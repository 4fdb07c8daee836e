package io.postage.demos.advancedecho;

import io.postage.Fingerprint;
import io.postage.MessageProcessor;
import io.postage.demos.Demo;
import io.postage.demos.DemoContext;
import io.postage.demos.ReceiveSendDemo;
import io.postage.demos.echo.EchoShared;
import java.util.List;

/** The Postage README's advanced echo demo. */
public final class AdvancedEcho {
    private AdvancedEcho() {
    }

    /** @return the demo: round robin on a shared queue, fan-out on private ones, fingerprints shown */
    public static Demo demo() {
        return new ReceiveSendDemo("advanced-echo",
                "receivers take turns on a shared queue and each get fan-out copies; fingerprints shown",
                AdvancedEcho::receivers, EchoSend::send, EchoShared.ECHO, "echo-fanout");
    }

    /** Two receivers, each with a pid of its own as two processes would have (alone, the first runs). */
    private static List<MessageProcessor> receivers(DemoContext context) {
        Fingerprint me = Fingerprint.of("echo_receive", "controller", context.config());
        return List.of("a", "b").stream()
                .<MessageProcessor>map(suffix -> new EchoReceive(new Fingerprint(me.name(), me.type(), me.pid() + suffix,
                        me.host(), me.user(), me.vhost()), context.settings()))
                .toList();
    }
}
