package io.postage.reliability.security;

import io.postage.Eqk;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.PostageConfig;
import io.postage.ProcessorSettings;
import io.postage.RpcHandler;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Records the {@code echo} commands it gets and answers the {@code echo} RPC with the parameters. */
final class EchoReceiver extends MessageProcessor {
    final BlockingQueue<Object> echoed = new LinkedBlockingQueue<>();

    EchoReceiver(PostageConfig config, Eqk eqk) {
        super(Fingerprint.of("echo_receive", "controller", config), eqk, ProcessorSettings.of(config));
    }

    @MessageHandler(name = "echo")
    void echo(Map<String, Object> content) {
        echoed.add(content.get("parameters"));
    }

    @RpcHandler(name = "echo")
    Message echoRpc(Map<String, Object> content) {
        return Message.result(content.get("parameters"));
    }
}
