package io.postage.testkit.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.DeliveryInfo;
import io.postage.Eqk;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.RejectMessage;
import io.postage.Reply;
import io.postage.RpcHandler;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The processor of the kit's component tests: records the {@code record} commands it gets (and how they
 * arrived), refuses
 * {@code refuse}, records {@code hold} and holds it until released, and answers an RPC of each result kind.
 */
class KitProcessor extends MessageProcessor {
    final BlockingQueue<Object> recorded = new LinkedBlockingQueue<>();
    final BlockingQueue<DeliveryInfo> arrivals = new LinkedBlockingQueue<>();
    final AtomicInteger silentCalls = new AtomicInteger();
    final BlockingQueue<Object> held = new LinkedBlockingQueue<>();
    final CountDownLatch release = new CountDownLatch(1);

    KitProcessor(Fingerprint fingerprint, Eqk eqk, ProcessorSettings settings) {
        super(fingerprint, eqk, settings);
    }

    /** @return the parameters of the next {@code record} command, failing if none comes in time */
    Object nextRecorded() throws InterruptedException {
        return next(recorded, "record");
    }

    /** @return the parameters of the next {@code hold} command, failing if none comes in time */
    Object nextHeld() throws InterruptedException {
        return next(held, "hold");
    }

    private Object next(BlockingQueue<Object> commands, String name) throws InterruptedException {
        Object parameters = commands.poll(Inbox.ARRIVAL.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(parameters).as("%s got a %s command", this, name).isNotNull();
        return parameters;
    }

    @MessageHandler(name = "record")
    void record(Map<String, Object> content) {
        recorded.add(content.get("parameters"));
    }

    @MessageHandler(name = "record")
    void arrived(DeliveryInfo delivery) {
        arrivals.add(delivery);
    }

    @MessageHandler(name = "grüße·问候")
    void greet(Map<String, Object> content) {
        recorded.add(content.get("parameters"));
    }

    @MessageHandler(name = "refuse")
    void refuse() {
        throw new RejectMessage("refused on purpose");
    }

    @MessageHandler(name = "hold")
    void hold(Map<String, Object> content) throws InterruptedException {
        held.add(content.get("parameters"));
        assertThat(release.await(RunningProcessors.GENEROUS.toMillis(), TimeUnit.MILLISECONDS))
                .as("released").isTrue();
    }

    @RpcHandler(name = "echo")
    Message echo(Map<String, Object> content) {
        return Message.result(content.get("parameters"));
    }

    @RpcHandler(name = "fail")
    void fail(Map<String, Object> content, Reply reply) {
        reply.error("no such user: " + content.get("parameters"));
    }

    @RpcHandler(name = "boom")
    Message boom() {
        throw new IllegalStateException("it broke");
    }

    @RpcHandler(name = "silent")
    void silent() {
        silentCalls.incrementAndGet();
    }
}
