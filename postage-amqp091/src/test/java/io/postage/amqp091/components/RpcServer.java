package io.postage.amqp091.components;

import io.postage.Eqk;
import io.postage.Message;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.Reply;
import io.postage.RpcHandler;
import io.postage.testkit.junit.BrokerInfo;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An RPC server with one handler per kind of answer. */
class RpcServer extends MessageProcessor {
    final AtomicInteger silentCalls = new AtomicInteger();

    RpcServer(BrokerInfo broker, Eqk eqk) {
        super(TestFingerprints.of(broker, "rpc_server", "service", "201"), eqk, ProcessorSettings.of(broker.config()));
    }

    @RpcHandler(name = "ok")
    Message ok(Map<String, Object> content) {
        return Message.result(content.get("parameters"));
    }

    @RpcHandler(name = "fail")
    void fail(Map<String, Object> content, Reply reply) {
        reply.error("no such user: " + content.get("parameters"));
    }

    @RpcHandler(name = "boom")
    Message boom(Map<String, Object> content) {
        throw new IllegalStateException("it broke");
    }

    @RpcHandler(name = "silent")
    void silent(Map<String, Object> content) {
        silentCalls.incrementAndGet();
    }

    /** Sleeps {@code parameters.sleep} ms, then answers {@code parameters.answer}. */
    @RpcHandler(name = "slow")
    Message slow(Map<String, Object> content) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) content.get("parameters");
        Thread.sleep(((Number) parameters.get("sleep")).longValue());
        return Message.result(parameters.get("answer"));
    }
}
