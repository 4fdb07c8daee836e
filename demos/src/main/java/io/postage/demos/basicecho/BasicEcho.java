package io.postage.demos.basicecho;

import io.postage.demos.Demo;
import io.postage.demos.ReceiveSendDemo;
import io.postage.demos.echo.EchoShared;
import java.util.List;

/** The Postage README's basic echo demo. */
public final class BasicEcho {
    private BasicEcho() {
    }

    /** @return the demo: {@code receive} prints what {@code send} sends */
    public static Demo demo() {
        return new ReceiveSendDemo("basic-echo",
                "a receiver prints the echo command a sender sends (the Postage README's first demo)",
                context -> List.of(new EchoReceive(context.settings())), EchoSend::send, EchoShared.ECHO, "echo");
    }
}
