package io.postage.amqp091.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.Command;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Message;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.RemoteException;
import io.postage.Reply;
import io.postage.ResultType;
import io.postage.Route;
import io.postage.Rpc;
import io.postage.RpcHandler;
import io.postage.RpcTimeoutException;
import io.postage.Status;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The typed API ({@code producer.api(...)}) end to end: a proxy calling real processors through the broker. */
@Timeout(30)
@PostageBroker
class TypedApiBrokerTest {
    private final BrokerInfo broker;
    private final Exchange exchange;
    private final Service main;
    private final Service other;
    private RunningProcessors running;
    private Producer producer;
    private ServiceApi api;

    /** The network API of {@link Service}, as its clients see it. */
    interface ServiceApi {
        @Command("record")
        void record(String text, int count);

        @Command("record")
        void recordVia(Route route, String text);

        @Status("online")
        void online();

        @Rpc("echo")
        Message echo(Map<String, Object> parameters);

        @Rpc("echo")
        CompletableFuture<Message> echoLater(String text);

        @Rpc
        String whoAreYou(String text);

        @Rpc
        String whoAreYouVia(String text, Route route);

        @Rpc
        int add(int a, int b);

        @Rpc("fail")
        String lookUp(String user);

        @Rpc
        int boom();

        @Rpc(value = "silent", timeoutMillis = 200, maxRetry = 0)
        String silent();
    }

    /** Records the commands and statuses it gets and answers every RPC of {@link ServiceApi}. */
    static final class Service extends MessageProcessor {
        final String id;
        final BlockingQueue<Message> received = new LinkedBlockingQueue<>();

        Service(BrokerInfo broker, String id, Exchange exchange) {
            super(TestFingerprints.of(broker, "api_service", "service", broker.unique(id)), Eqk.builder()
                    .exchange(exchange)
                    .queue(QueueSpec.named(broker.unique("api-" + id)).withAutoDelete(true), id)
                    .build(), ProcessorSettings.of(broker.config()));
            this.id = id;
        }

        @MessageHandler(name = "record")
        void record(Message message) {
            received.add(message);
        }

        @MessageHandler(type = Message.STATUS, name = "online")
        void online(Message message) {
            received.add(message);
        }

        @RpcHandler(name = "echo")
        Message echo(Map<String, Object> content) {
            return Message.result(content.get("parameters"));
        }

        @RpcHandler(name = "whoAreYou")
        Message whoAreYou(Map<String, Object> content) {
            return Message.result(id + ":" + parameter(content, "text"));
        }

        @RpcHandler(name = "whoAreYouVia")
        Message whoAreYouVia(Map<String, Object> content) {
            return whoAreYou(content);
        }

        @RpcHandler(name = "add")
        Message add(Map<String, Object> content) {
            long a = ((Number) parameter(content, "a")).longValue();
            return Message.result(a + ((Number) parameter(content, "b")).longValue());
        }

        @RpcHandler(name = "fail")
        void fail(Map<String, Object> content, Reply reply) {
            reply.error("no such user: " + parameter(content, "user"));
        }

        @RpcHandler(name = "boom")
        Message boom() {
            throw new IllegalStateException("it broke");
        }

        @RpcHandler(name = "silent")
        void silent() {
            // never answers
        }

        private static Object parameter(Map<String, Object> content, String name) {
            return ((Map<?, ?>) content.get("parameters")).get(name);
        }

        Message next() throws InterruptedException {
            Message message = received.poll(RunningProcessors.GENEROUS.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as(id + " received a message").isNotNull();
            return message;
        }
    }

    TypedApiBrokerTest(BrokerInfo broker) {
        this.broker = broker;
        this.exchange = Exchange.direct(broker.unique("api-exchange")).withAutoDelete(true);
        this.main = new Service(broker, "main", exchange);
        this.other = new Service(broker, "other", exchange);
    }

    @BeforeEach
    void start() {
        running = RunningProcessors.start(main, other);
        producer = Producer.builder(TestFingerprints.of(broker, "api_client", "application", broker.unique("client")))
                .config(broker.config())
                .eks(exchange, "main")
                .build();
        api = producer.api(ServiceApi.class);
    }

    @AfterEach
    void stop() throws InterruptedException {
        producer.close();
        running.close();
    }

    @Test
    void commandAndStatusMethodsSendTheirMessagesStampedByTheProducer() throws InterruptedException {
        api.record("hi", 2);
        api.online();

        Message command = main.next();
        assertThat(command.type()).isEqualTo(Message.COMMAND);
        assertThat(command.content()).isEqualTo(Map.of("parameters", Map.of("text", "hi", "count", 2)));
        assertThat(command.fingerprint()).contains(producer.fingerprint());
        assertThat(main.next()).isEqualTo(Message.status("online").withFingerprint(producer.fingerprint()));
    }

    @Test
    void aRouteParameterSendsTheCallElsewhere() throws InterruptedException {
        api.recordVia(Route.key("other"), "there");

        assertThat(other.next().content()).isEqualTo(Map.of("parameters", Map.of("text", "there")));
        assertThat(api.whoAreYouVia("x", Route.key("other"))).isEqualTo("other:x");
        assertThat(api.whoAreYou("x")).isEqualTo("main:x");
        assertThat(main.received).isEmpty();
    }

    @Test
    void rpcMethodsReturnTheResultMessageAFutureOfItOrItsDecodedValue() throws Exception {
        Message echoed = api.echo(Map.of("n", 1));
        CompletableFuture<Message> later = api.echoLater("hi");

        assertThat(echoed.content().get("value")).isEqualTo(Map.of("n", 1));
        assertThat(later.get(RunningProcessors.GENEROUS.toMillis(), TimeUnit.MILLISECONDS).content().get("value"))
                .isEqualTo(Map.of("text", "hi"));
        assertThat(api.add(2, 3)).isEqualTo(5);
    }

    @Test
    void remoteErrorAndExceptionResultsThrowRemoteException() {
        assertThatThrownBy(() -> api.lookUp("bob"))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.resultType()).isEqualTo(ResultType.ERROR);
                    assertThat(e.remoteMessage()).isEqualTo("no such user: bob");
                });
        assertThatThrownBy(api::boom)
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.resultType()).isEqualTo(ResultType.EXCEPTION);
                    assertThat(e.exceptionName()).contains("IllegalStateException");
                    assertThat(e.remoteMessage()).isEqualTo("it broke");
                });
    }

    @Test
    void aTypedRpcThatGetsNoReplyThrowsRpcTimeoutException() {
        assertThatThrownBy(api::silent).isInstanceOf(RpcTimeoutException.class);
    }
}
