package io.postage.amqp091.components;

import io.postage.Eqk;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.MessageHandler;
import io.postage.MessageHandlerFullBody;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.RpcHandler;
import io.postage.testkit.junit.BrokerInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** The Postage README's echo receiver: prints (here: records) what it gets, answers the RPC form. */
class EchoProcessor extends MessageProcessor {
    final BlockingQueue<Object> echoed = new LinkedBlockingQueue<>();
    final List<String> senders = new CopyOnWriteArrayList<>();

    EchoProcessor(BrokerInfo broker, Fingerprint fingerprint, Eqk eqk) {
        super(fingerprint, eqk, ProcessorSettings.of(broker.config()));
    }

    @MessageHandler(name = "echo")
    void echo(Map<String, Object> content) {
        echoed.add(content.get("parameters"));
    }

    @MessageHandlerFullBody(name = "echo")
    void echoFingerprint(Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fingerprint = (Map<String, Object>) body.get("fingerprint");
        senders.add((String) fingerprint.get("name"));
    }

    @RpcHandler(name = "echo")
    Message echoRpc(Map<String, Object> content) {
        return Message.result(content.get("parameters"));
    }
}
