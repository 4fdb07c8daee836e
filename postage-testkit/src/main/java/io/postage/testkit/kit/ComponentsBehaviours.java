package io.postage.testkit.kit;

import static io.postage.testkit.kit.TransportFixture.CODEC;
import static org.assertj.core.api.Assertions.assertThat;

import io.postage.DeliveryInfo;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.Message;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.ResultType;
import io.postage.Route;
import io.postage.RpcOptions;
import io.postage.RpcReplies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The components on the transport: a producer and processors in a scheduler; commands, routing, RPC,
 * dead-lettering, prefetch, large and unicode messages, runtime bindings and {@code quit}.
 */
@SuppressWarnings("try") // running processors are scoped with try-with-resources without being named
abstract class ComponentsBehaviours extends KitBehaviours {

    private KitProcessor processor(Eqk eqk) {
        return processor(eqk, 1);
    }

    private KitProcessor processor(Eqk eqk, int prefetch) {
        return new KitProcessor(fingerprint("kit_processor", "controller"), eqk,
                ProcessorSettings.of(kit().config()).withPrefetch(prefetch));
    }

    /** @return one auto-deleted queue of a name of its own, bound to the exchange with the key */
    private Eqk sharedQueue(Exchange exchange, String routingKey) {
        return Eqk.builder().exchange(exchange)
                .queue(QueueSpec.named(unique("queue")).withAutoDelete(true), routingKey).build();
    }

    private Producer producer(Exchange exchange, String key) {
        return producer(exchange, key, RpcReplies.PRIVATE);
    }

    private Producer producer(Exchange exchange, String key, RpcReplies replies) {
        return Producer.builder(fingerprint("kit_producer", "application")).config(kit().config())
                .eks(exchange, key).rpcReplies(replies).build();
    }

    @Test
    void aCommandSentByAProducerReachesTheProcessorsHandler() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        KitProcessor processor = processor(sharedQueue(exchange, "kit"));
        try (RunningProcessors running = RunningProcessors.start(processor);
                Producer producer = producer(exchange, "kit")) {
            producer.message("record", Map.of("text", "hello"));

            assertThat(processor.nextRecorded()).isEqualTo(Map.of("text", "hello"));
        }
    }

    @Test
    void aHandlerTakingDeliveryInfoLearnsTheQueueTheMessageCameFrom() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        Eqk eqk = sharedQueue(exchange, "kit");
        KitProcessor processor = processor(eqk);
        try (RunningProcessors running = RunningProcessors.start(processor);
                Producer producer = producer(exchange, "kit")) {
            producer.message("record", "hello");

            assertThat(processor.nextRecorded()).isEqualTo("hello");
            assertThat(processor.arrivals.poll(Inbox.ARRIVAL.toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo(new DeliveryInfo(eqk.bindings().get(0).queue().name(), false));
        }
    }

    @Test
    void aTopicBindingGetsTheCommandsItsPatternMatches() throws Exception {
        Exchange topic = exchange(ExchangeType.TOPIC);
        KitProcessor orders = processor(sharedQueue(topic, "orders.*"));
        try (RunningProcessors running = RunningProcessors.start(orders);
                Producer producer = producer(topic, "orders.new")) {
            producer.message("record", "new");
            producer.message("record", "too deep", Route.key("orders.new.eu"));
            producer.message("record", "elsewhere", Route.key("invoices.new"));
            producer.message("record", "done", Route.key("orders.done"));

            assertThat(orders.nextRecorded()).isEqualTo("new");
            assertThat(orders.nextRecorded()).isEqualTo("done");
            assertThat(orders.recorded.poll(Inbox.QUIET.toMillis(), TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void processorsSharingAQueueEachGetPartOfItWhilePrivateQueuesGiveEachACopy() throws Exception {
        Exchange work = exchange(ExchangeType.DIRECT);
        Exchange news = exchange(ExchangeType.FANOUT);
        QueueSpec shared = QueueSpec.named(unique("shared")).withAutoDelete(true);
        List<KitProcessor> processors = List.of(
                processor(Eqk.builder().exchange(work).queue(shared, "job")
                        .exchange(news).queue(QueueSpec.serverNamed(), "").build()),
                processor(Eqk.builder().exchange(work).queue(shared, "job")
                        .exchange(news).queue(QueueSpec.serverNamed(), "").build()));
        try (RunningProcessors running = RunningProcessors.start(processors.toArray(KitProcessor[]::new));
                Producer producer = producer(work, "job")) {
            try {
                producer.message("hold", "job 0");
                producer.message("hold", "job 1");

                // Prefetch 1: while one processor holds a job, the other job can only go to the other one.
                assertThat(List.of(processors.get(0).nextHeld(), processors.get(1).nextHeld()))
                        .containsExactlyInAnyOrder("job 0", "job 1");
                producer.message("record", "news", Route.to(news, ""));
            } finally {
                processors.forEach(processor -> processor.release.countDown());
            }

            for (KitProcessor processor : processors) {
                assertThat(processor.nextRecorded()).as("the fan-out copy").isEqualTo("news");
                assertThat(processor.held).as("no job twice").isEmpty();
            }
        }
    }

    @Test
    void rpcAnswersWithSuccessErrorAndExceptionResults() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        KitProcessor server = processor(sharedQueue(exchange, "rpc"));
        try (RunningProcessors running = RunningProcessors.start(server);
                Producer producer = producer(exchange, "rpc")) {
            Message ok = producer.rpc("echo", Map.of("n", 1));
            Message failed = producer.rpc("fail", "bob");
            Message broken = producer.rpc("boom", null);

            assertThat(ok.resultType()).contains(ResultType.SUCCESS);
            assertThat(ok.content().get("value")).isEqualTo(Map.of("n", 1));
            assertThat(failed.resultType()).contains(ResultType.ERROR);
            assertThat(failed.content()).containsEntry("message", "no such user: bob");
            assertThat(broken.resultType()).contains(ResultType.EXCEPTION);
            assertThat(broken.content()).containsEntry("value", "IllegalStateException")
                    .containsEntry("message", "it broke");
        }
    }

    @Test
    void anUnansweredRpcIsSentAgainOnEveryRetryThenGivesATimeoutErrorResult() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        KitProcessor server = processor(sharedQueue(exchange, "rpc"));
        try (RunningProcessors running = RunningProcessors.start(server);
                Producer producer = producer(exchange, "rpc")) {
            Message reply = producer.rpc("silent", 1, RpcOptions.defaults()
                    .withTimeout(Duration.ofMillis(300)).withMaxRetry(2));

            assertThat(reply.resultType()).contains(ResultType.EXCEPTION);
            assertThat(reply.content()).containsEntry("value", "TimeoutError");
            assertThat((String) reply.content().get("message")).contains("after 3 attempts");
            awaitArrival(() -> server.silentCalls.get() >= 3);
            assertThat(server.silentCalls).as("the first attempt and two retries reached the server").hasValue(3);
        }
    }

    @Test
    void aHundredConcurrentCallsEachGetTheirOwnAnswerWithEitherKindOfReplies() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        KitProcessor server = processor(sharedQueue(exchange, "rpc"), 10);
        try (RunningProcessors running = RunningProcessors.start(server)) {
            for (RpcReplies replies : RpcReplies.values()) {
                try (Producer producer = producer(exchange, "rpc", replies);
                        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<Object>> answers = IntStream.range(0, 100)
                            .mapToObj(call -> callers.submit(() -> producer.rpc("echo", "call " + call)
                                    .content().get("value")))
                            .toList();

                    for (int call = 0; call < 100; call++) {
                        assertThat(answers.get(call).get(30, TimeUnit.SECONDS))
                                .as("the answer to call %d with %s replies", call, replies).isEqualTo("call " + call);
                    }
                }
            }
        }
    }

    @Test
    void aRejectedMessageGoesToTheDeadLetterExchangeAndTheProcessorGoesOn() throws Exception {
        Exchange deadLetters = exchange(ExchangeType.FANOUT);
        Inbox dead = everythingFrom(deadLetters);
        Exchange exchange = exchange(ExchangeType.DIRECT);
        KitProcessor processor = processor(Eqk.builder().exchange(exchange)
                .queue(QueueSpec.named(unique("queue")).withAutoDelete(true)
                        .withDeadLetterExchange(deadLetters.name()), "kit").build());
        try (RunningProcessors running = RunningProcessors.start(processor);
                Producer producer = producer(exchange, "kit")) {
            producer.message("refuse", null);
            producer.message("record", "after");

            assertThat(processor.nextRecorded()).isEqualTo("after");
            assertThat(CODEC.decode(dead.next().body()).name()).isEqualTo("refuse");
            dead.expectNothing();
        }
    }

    @Test
    void withPrefetchOneABusyProcessorLeavesTheRestOfTheQueueToAnother() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        Eqk shared = sharedQueue(exchange, "kit");
        KitProcessor busy = processor(shared);
        KitProcessor idle = processor(shared);
        try (RunningProcessors first = RunningProcessors.start(busy); Producer producer = producer(exchange, "kit")) {
            producer.message("hold", "busy");
            assertThat(busy.nextHeld()).isEqualTo("busy");
            try (RunningProcessors second = RunningProcessors.start(idle)) {
                for (int i = 0; i < 3; i++) {
                    producer.message("record", i);
                }

                assertThat(List.of(idle.nextRecorded(), idle.nextRecorded(), idle.nextRecorded()))
                        .containsExactly(0, 1, 2);
            } finally {
                busy.release.countDown();
            }
            assertThat(busy.recorded).as("nothing went to the busy processor").isEmpty();
        }
    }

    @Test
    void aTenMebibyteCommandArrivesWhole() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        KitProcessor processor = processor(sharedQueue(exchange, "kit"));
        String big = "0123456789abcdef".repeat(10 * 1024 * 1024 / 16);
        try (RunningProcessors running = RunningProcessors.start(processor);
                Producer producer = producer(exchange, "kit")) {
            producer.message("record", big);

            assertThat(big.equals(processor.nextRecorded())).as("the 10 MiB text arrived unchanged").isTrue();
        }
    }

    @Test
    void unicodeNamesKeysAndParametersSurvive() throws Exception {
        Exchange exchange = exchange(ExchangeType.TOPIC);
        String key = "clé.ünïcødé.键";
        KitProcessor processor = processor(sharedQueue(exchange, key));
        Map<String, Object> parameters = Map.of("text", "héllo wörld — 你好 🚀", "ключ", "значение");
        try (RunningProcessors running = RunningProcessors.start(processor);
                Producer producer = producer(exchange, key)) {
            producer.message("grüße·问候", parameters);

            assertThat(processor.nextRecorded()).isEqualTo(parameters);
        }
    }

    @Test
    void queueBindAndQueueUnbindChangeWhatARunningProcessorGets() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        QueueSpec queue = QueueSpec.named(unique("queue")).withAutoDelete(true);
        KitProcessor processor = processor(Eqk.builder().exchange(exchange).queue(queue, "first").build());
        try (RunningProcessors running = RunningProcessors.start(processor);
                Producer producer = producer(exchange, "first")) {
            processor.queueBind(exchange, queue, "second");
            producer.message("record", "through the new binding", Route.key("second"));
            assertThat(processor.nextRecorded()).isEqualTo("through the new binding");

            processor.queueUnbind(exchange, queue, "second");
            producer.message("record", "lost", Route.key("second"));
            producer.message("record", "through the first binding");

            assertThat(processor.nextRecorded()).isEqualTo("through the first binding");
            assertThat(processor.recorded.poll(Inbox.QUIET.toMillis(), TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void theQuitCommandStopsTheProcessorAndItsScheduler() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        KitProcessor processor = processor(sharedQueue(exchange, "kit"));
        try (RunningProcessors running = RunningProcessors.start(processor);
                Producer producer = producer(exchange, "kit")) {
            producer.message("record", "before");
            producer.message("quit", null);

            running.awaitExit();

            assertThat(processor.recorded).containsExactly("before");
        }
    }
}
