package io.postage.amqp10;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.PostageConfig;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.RpcOptions;
import io.postage.RpcReplies;
import io.postage.testkit.kit.RunningProcessors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Components over AMQP 0-9-1 and AMQP 1.0 on one broker talk to each other, and the same processor class
 * runs over either transport, chosen by configuration only: commands, fan-out, round robin and RPC (results,
 * exception results, timeouts, a hundred concurrent calls) in every direction, on RabbitMQ and Qpid Broker-J.
 */
class CrossTransportTest {
    private static final String V091 = "amqp091";
    private static final String V10 = "amqp10";
    private static final Duration WAIT = Duration.ofSeconds(10);

    static Stream<Arguments> directions() {
        return Stream.of(TestBroker.values()).flatMap(broker -> Stream.of(
                Arguments.of(broker, V091, V10), Arguments.of(broker, V10, V091), Arguments.of(broker, V10, V10)));
    }

    static Stream<Arguments> rpcDirections() {
        return directions().flatMap(direction -> Stream.of(RpcReplies.values()).map(kind -> {
            Object[] values = direction.get();
            return Arguments.of(values[0], values[1], values[2], kind);
        }));
    }

    private static Producer producer(PostageConfig config, Exchange exchange, String key, RpcReplies replies) {
        return Producer.builder(Fingerprint.of("cross_sender", "application", config)).config(config).eks(exchange, key)
                .rpcTimeout(Duration.ofSeconds(10)).maxRetry(0).rpcReplies(replies).build();
    }

    private static Object next(EchoServer server) throws InterruptedException {
        Object echoed = server.echoed.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(echoed).as(server + " got a command within " + WAIT).isNotNull();
        return echoed;
    }

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @MethodSource("directions")
    void commandsReachAProcessorOverTheOtherTransport(TestBroker broker, String from, String to) throws Exception {
        Exchange exchange = Exchange.direct(TestBroker.unique("cross")).withAutoDelete(true);
        QueueSpec queue = QueueSpec.named(TestBroker.unique("cross-q")).withAutoDelete(true);
        EchoServer server = new EchoServer("cross_server", broker.config(to), Eqk.builder().exchange(exchange)
                .queue(queue, "echo").build());
        try (RunningProcessors running = RunningProcessors.start(server);
                Producer producer = producer(broker.config(from), exchange, "echo", RpcReplies.PRIVATE)) {
            for (int i = 0; i < 5; i++) {
                producer.message("echo", "m" + i);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(next(server)).isEqualTo("m" + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void everyPrivateQueueGetsACopyWhicheverTransportItsProcessorUses(TestBroker broker) throws Exception {
        Exchange exchange = Exchange.direct(TestBroker.unique("fan")).withAutoDelete(true);
        Eqk eqk = Eqk.builder().exchange(exchange).queue(QueueSpec.serverNamed(), "echo").build();
        EchoServer over091 = new EchoServer("fan_091", broker.config(V091), eqk);
        EchoServer over10 = new EchoServer("fan_10", broker.config(V10), eqk);
        try (RunningProcessors running = RunningProcessors.start(over091, over10);
                Producer producer091 = producer(broker.config(V091), exchange, "echo", RpcReplies.PRIVATE);
                Producer producer10 = producer(broker.config(V10), exchange, "echo", RpcReplies.PRIVATE)) {
            producer091.message("echo", "from 0-9-1");
            producer10.message("echo", "from 1.0");
            for (EchoServer server : List.of(over091, over10)) {
                assertThat(List.of(next(server), next(server))).containsExactlyInAnyOrder("from 0-9-1", "from 1.0");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void aSharedQueueIsServedInTurnByProcessorsOfBothTransports(TestBroker broker) throws Exception {
        Exchange exchange = Exchange.direct(TestBroker.unique("rr")).withAutoDelete(true);
        Eqk eqk = Eqk.builder().exchange(exchange).queue(QueueSpec.named(TestBroker.unique("rr-q")).withAutoDelete(true),
                "echo").build();
        EchoServer over091 = new EchoServer("rr_091", broker.config(V091), eqk);
        EchoServer over10 = new EchoServer("rr_10", broker.config(V10), eqk);
        try (RunningProcessors running = RunningProcessors.start(over091, over10);
                Producer producer = producer(broker.config(V10), exchange, "echo", RpcReplies.PRIVATE)) {
            int messages = 20;
            for (int i = 0; i < messages; i++) {
                producer.message("echo", i);
            }
            List<Object> by091 = new ArrayList<>();
            List<Object> by10 = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (by091.size() + by10.size() < messages && System.nanoTime() < deadline) {
                over091.echoed.drainTo(by091);
                over10.echoed.drainTo(by10);
                Thread.sleep(20);
            }
            List<Object> all = new ArrayList<>(by091);
            all.addAll(by10);
            assertThat(all).hasSize(messages).doesNotHaveDuplicates();
            assertThat(by091).as("commands the AMQP 0-9-1 processor got").isNotEmpty();
            assertThat(by10).as("commands the AMQP 1.0 processor got").isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void theSameProcessorClassRunsOverEitherTransportChosenByPostageTransportAlone(TestBroker broker) throws Exception {
        for (String transport : List.of(V091, V10)) {
            broker.assumeWanted();
            PostageConfig fromEnvironment = PostageConfig.fromEnvironment(
                    Map.of("POSTAGE_URI", broker.uri(), "POSTAGE_TRANSPORT", transport));
            Exchange exchange = Exchange.direct(TestBroker.unique("env")).withAutoDelete(true);
            EchoServer server = new EchoServer("env_" + transport, fromEnvironment,
                    Eqk.builder().exchange(exchange).queue(QueueSpec.named(TestBroker.unique("env-q")).withAutoDelete(true),
                            "echo").build());
            try (RunningProcessors running = RunningProcessors.start(server);
                    Producer producer = producer(broker.config(V091), exchange, "echo", RpcReplies.PRIVATE)) {
                Message reply = producer.rpc("echo", "over " + transport);

                assertThat(fromEnvironment.transport()).isEqualTo(transport);
                assertThat(reply.content().get("value")).as("answered by the processor over %s", transport)
                        .isEqualTo("over " + transport);
            }
        }
    }

    static Stream<TestBroker> brokers() {
        return Stream.of(TestBroker.values());
    }

    @ParameterizedTest(name = "{0}: {1} caller, {2} server, {3} replies")
    @MethodSource("rpcDirections")
    void rpcCallsAreAnsweredAcrossTransportsWithResultsExceptionsAndTimeouts(TestBroker broker, String caller,
            String serverTransport, RpcReplies replies) throws Exception {
        Exchange exchange = Exchange.direct(TestBroker.unique("rpc")).withAutoDelete(true);
        EchoServer server = new EchoServer("rpc_server", broker.config(serverTransport), Eqk.builder().exchange(exchange)
                .queue(QueueSpec.named(TestBroker.unique("rpc-q")).withAutoDelete(true), "rpc").build());
        try (RunningProcessors running = RunningProcessors.start(server);
                Producer producer = producer(broker.config(caller), exchange, "rpc", replies)) {
            Message first = producer.rpc("echo", "first", RpcOptions.defaults().withTimeout(Duration.ofSeconds(5)));
            assertThat(first.content()).as("the first call's answer").containsEntry("value", "first");
            assertEachOfAHundredCallsGetsItsOwnAnswer(producer);
            Message failure = producer.rpc("boom", "x");
            assertThat(failure.isSuccess()).isFalse();
            assertThat(failure.content()).containsEntry("type", "exception").containsEntry("value", "IllegalStateException");
            Message timeout = producer.rpc("silent", "x", RpcOptions.defaults().withTimeout(Duration.ofMillis(300)));
            assertThat(timeout.content()).containsEntry("type", "exception").containsEntry("value", "TimeoutError");
            assertThat(producer.rpc("echo", "after the timeout").content()).containsEntry("value", "after the timeout");
        }
    }

    private static void assertEachOfAHundredCallsGetsItsOwnAnswer(Producer producer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> outcomes = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int t = thread;
                outcomes.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int call = 0; call < 25; call++) {
                        String question = "t" + t + "-c" + call;
                        Object answer = producer.rpc("echo", question).content().get("value");
                        if (!question.equals(answer)) {
                            wrong.add(question + " got " + answer);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> outcome : outcomes) {
                assertThat(outcome.get(60, TimeUnit.SECONDS)).as("calls answered wrongly").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
