package io.postage.demos.echo;

import io.postage.Exchange;

/** The exchange of the Postage README's echo demos ({@code echo_shared.py}): Python and Java share it. */
public final class EchoShared {
    /** {@code class EchoExchange(messaging.Exchange): name = "echo-exchange"}: direct, durable. */
    public static final Exchange ECHO = Exchange.direct("echo-exchange");

    private EchoShared() {
    }
}
