package io.postage.demos.typedapi;

import io.postage.demos.Demo;
import io.postage.demos.ReceiveSendDemo;
import io.postage.demos.echo.EchoShared;
import java.util.List;

/** A Java interface annotated with {@code @Command}/{@code @Rpc} as a component's network API. */
public final class TypedApiDemo {
    private TypedApiDemo() {
    }

    /** @return the demo: {@code send} calls the interface, {@code receive} implements it */
    public static Demo demo() {
        return new ReceiveSendDemo("typed-api", "an interface annotated @Command/@Rpc used as the network API",
                context -> List.of(new EchoService(context.settings())), EchoClient::call, EchoShared.ECHO, "typed-echo");
    }
}
