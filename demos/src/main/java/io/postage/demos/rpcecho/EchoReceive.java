package io.postage.demos.rpcecho;

import io.postage.Eqk;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.Reply;
import io.postage.RpcHandler;
import io.postage.demos.echo.EchoShared;
import java.util.Map;

/** The RPC echo server: prints the call's payload and answers it. */
public class EchoReceive extends MessageProcessor {

    public EchoReceive(ProcessorSettings settings) {
        super(Fingerprint.of("echo_receive", "controller", settings.config()),
                Eqk.of(EchoShared.ECHO, "echo-queue", "echo"), settings);
    }

    @RpcHandler(name = "echo")
    void echo(Map<String, Object> content, Reply reply) {
        System.out.println(content.get("parameters"));
        reply.send(Message.result("RPC message received"));
    }
}
