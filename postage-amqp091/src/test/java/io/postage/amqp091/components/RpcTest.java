package io.postage.amqp091.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.Producer;
import io.postage.ResultType;
import io.postage.Route;
import io.postage.RpcOptions;
import io.postage.RpcReplies;
import io.postage.RpcTimeoutException;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
@PostageBroker
class RpcTest {
    private final BrokerInfo broker;
    private final Exchange exchange;
    private final RpcServer server;
    private RunningProcessors running;

    RpcTest(BrokerInfo broker) {
        this.broker = broker;
        this.exchange = Exchange.direct(broker.unique("rpc-exchange")).withAutoDelete(true);
        this.server = new RpcServer(broker, Eqk.of(exchange, broker.unique("rpc-queue"), "rpc"));
    }

    @BeforeEach
    void startServer() {
        running = RunningProcessors.start(server);
    }

    @AfterEach
    void stopServer() {
        running.close();
    }

    private Producer producer(RpcReplies replies) {
        return Producer.builder(Fingerprint.of("rpc_client", "application", broker.config()))
                .config(broker.config())
                .eks(exchange, "rpc")
                .rpcReplies(replies)
                .build();
    }

    @Test
    void rpcReturnsSuccessErrorAndExceptionResults() {
        try (Producer producer = producer(RpcReplies.PRIVATE)) {
            Message ok = producer.rpc("ok", Map.of("n", 1));
            Message failed = producer.rpc("fail", "bob");
            Message broken = producer.rpc("boom", null);

            assertThat(ok.resultType()).contains(ResultType.SUCCESS);
            assertThat(ok.content().get("value")).isEqualTo(Map.of("n", 1));
            assertThat(failed.isSuccess()).isFalse();
            assertThat(failed.content()).containsEntry("type", "error").containsEntry("message", "no such user: bob");
            assertThat(broken.resultType()).contains(ResultType.EXCEPTION);
            assertThat(broken.content()).containsEntry("value", "IllegalStateException")
                    .containsEntry("message", "it broke");
        }
    }

    @Test
    void rpcReturnsATimeoutErrorResultAfterSendingItAgainOnEveryRetry() throws InterruptedException {
        try (Producer producer = producer(RpcReplies.PRIVATE)) {
            Message reply = producer.rpc("silent", 1, RpcOptions.defaults()
                    .withTimeout(Duration.ofMillis(300)).withMaxRetry(2));

            assertThat(reply.resultType()).contains(ResultType.EXCEPTION);
            assertThat(reply.content()).containsEntry("value", "TimeoutError");
            assertThat((String) reply.content().get("message")).contains("after 3 attempts");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.silentCalls.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.silentCalls.get()).as("the first attempt and two retries reached the server").isEqualTo(3);
    }

    @Test
    void rpcThrowsRpcTimeoutExceptionWhenTheCallerAsksForIt() {
        try (Producer producer = producer(RpcReplies.SHARED)) {
            assertThatThrownBy(() -> producer.rpc("silent", 1, RpcOptions.defaults()
                    .withTimeout(Duration.ofMillis(200)).withMaxRetry(0).throwOnTimeout()))
                    .isInstanceOf(RpcTimeoutException.class)
                    .hasMessageContaining("No reply to silent");
        }
    }

    @ParameterizedTest
    @EnumSource(RpcReplies.class)
    void twoHundredConcurrentCallsFromTwentyThreadsEachGetTheirOwnAnswer(RpcReplies replies) throws Exception {
        try (Producer producer = producer(replies)) {
            ConcurrentCalls.assertEachCallGetsItsOwnAnswer(producer, "ok", 20, 10);
        }
    }

    @ParameterizedTest
    @EnumSource(RpcReplies.class)
    void aReplyArrivingAfterItsCallTimedOutIsDroppedNotGivenToTheNextCall(RpcReplies replies) {
        try (Producer producer = producer(replies)) {
            Message late = producer.rpc("slow", Map.of("sleep", 800, "answer", "A"),
                    RpcOptions.defaults().withTimeout(Duration.ofMillis(200)).withMaxRetry(0));
            Message next = producer.rpc("ok", "B");

            assertThat(late.content()).containsEntry("value", "TimeoutError");
            assertThat(next.content().get("value")).as("the late answer A is not taken for B").isEqualTo("B");
        }
    }

    @Test
    void rpcAsyncCompletesWithTheResult() throws Exception {
        try (Producer producer = producer(RpcReplies.PRIVATE)) {
            Message reply = producer.rpcAsync("ok", "async").get(10, TimeUnit.SECONDS);

            assertThat(reply.content().get("value")).isEqualTo("async");
        }
    }

    @Test
    void queueOnlyCallsLeaveTheReplyInAQueueForConsumeRpc() {
        try (Producer producer = producer(RpcReplies.PRIVATE)) {
            String replyQueue = producer.rpcQueueOnly("ok", "later", Route.defaults());

            Message reply = producer.consumeRpc(replyQueue, Duration.ofSeconds(10));

            assertThat(reply.content().get("value")).isEqualTo("later");
        }
    }
}
