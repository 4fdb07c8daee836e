package io.postage.demos.rpcecho;

import io.postage.demos.Demo;
import io.postage.demos.ReceiveSendDemo;
import io.postage.demos.echo.EchoShared;
import java.util.List;

/** The Postage README's RPC echo demo. */
public final class RpcEcho {
    private RpcEcho() {
    }

    /** @return the demo: {@code send} calls echo, {@code receive} answers */
    public static Demo demo() {
        return new ReceiveSendDemo("rpc-echo", "a sender calls echo over RPC and prints the reply (or \"RPC failed\")",
                context -> List.of(new EchoReceive(context.settings())), EchoSend::send, EchoShared.ECHO, "echo");
    }
}
