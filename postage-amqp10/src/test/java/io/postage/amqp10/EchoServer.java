package io.postage.amqp10;

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

/**
 * One component class for every test here, whichever the transport: the configuration alone says which.
 * Records {@code echo} commands, answers {@code echo} calls with their parameters, {@code boom} calls with an
 * exception, and never answers {@code silent} calls.
 */
class EchoServer extends MessageProcessor {
    final BlockingQueue<Object> echoed = new LinkedBlockingQueue<>();

    EchoServer(String name, PostageConfig config, Eqk eqk) {
        super(Fingerprint.of(name, "service", config), eqk, ProcessorSettings.of(config));
    }

    @MessageHandler(name = "echo")
    void echo(Map<String, Object> content) {
        echoed.add(content.get("parameters"));
    }

    @RpcHandler(name = "echo")
    Message echoRpc(Map<String, Object> content) {
        return Message.result(content.get("parameters"));
    }

    @RpcHandler(name = "boom")
    Message boom(Map<String, Object> content) {
        throw new IllegalStateException("it broke on " + content.get("parameters"));
    }

    @RpcHandler(name = "silent")
    void silent(Map<String, Object> content) {
        // no reply: the caller times out
    }
}
