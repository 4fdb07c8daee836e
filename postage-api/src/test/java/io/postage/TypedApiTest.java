package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class TypedApiTest {

    private static final Exchange LOGS = Exchange.fanout("logs");

    interface EchoApi {
        @Command("echo")
        void echo(String text, int count);

        @Command
        void reload();

        @Command("configure")
        void configure(Map<String, Object> settings);

        @Command("echo")
        void echoTo(Route route, String text);

        @Status("online")
        void online();

        @Status
        void offline(Route route);

        @Rpc(value = "echo", timeoutMillis = 1500, maxRetry = 0)
        Message echoMessage(String text);

        @Rpc("echo")
        CompletableFuture<Message> echoLater(String text, Route route);

        @Rpc("echo")
        String echoText(String text);

        @Rpc("add")
        int add(int a, int b);

        @Rpc("add")
        CompletableFuture<Long> addLater(int a, int b);

        @Rpc("check")
        void check();

        default String shout(String text) {
            return echoText(text.toUpperCase());
        }
    }

    private final RecordingTarget target = new RecordingTarget();
    private final EchoApi api = TypedApi.create(EchoApi.class, target);

    @Test
    void commandSendsItsArgumentsKeyedByParameterNameToTheDefaultRoute() {
        api.echo("hi", 2);

        assertThat(target.last().message()).isEqualTo(Message.command("echo", Map.of("text", "hi", "count", 2)));
        assertThat(target.last().route()).isSameAs(Route.defaults());
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) target.last().message().content().get("parameters");
        assertThat(parameters.keySet()).containsExactly("text", "count");
    }

    @Test
    void anEmptyAnnotationValueNamesTheMessageAfterTheMethod() {
        api.reload();
        api.offline(Route.key("status"));

        assertThat(target.sent.get(0).message()).isEqualTo(Message.command("reload", Map.of()));
        assertThat(target.sent.get(1).message()).isEqualTo(Message.status("offline"));
    }

    @Test
    void aSingleMapParameterIsSentAsTheParameters() {
        api.configure(Map.of("level", "debug"));

        assertThat(target.last().message()).isEqualTo(Message.command("configure", Map.of("level", "debug")));
    }

    @Test
    void aRouteParameterSaysWhereToSendAndIsNotSent() {
        Route route = Route.to(LOGS, "");

        api.echoTo(route, "hi");

        assertThat(target.last().route()).isSameAs(route);
        assertThat(target.last().message()).isEqualTo(Message.command("echo", Map.of("text", "hi")));
    }

    @Test
    void aNullRouteArgumentIsRefused() {
        assertThatThrownBy(() -> api.echoTo(null, "hi"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("EchoApi.echoTo")
                .hasMessageContaining("Route.defaults()");
    }

    @Test
    void statusMethodSendsAStatusMessage() {
        api.online();

        assertThat(target.last().message()).isEqualTo(Message.status("online"));
    }

    @Test
    void argumentsThatAreNotJsonValuesAreRefusedNamingTheParameter() {
        record Point(int x, int y) {
        }
        interface Drawing {
            @Command
            void draw(Point point);
        }
        Drawing drawing = TypedApi.create(Drawing.class, target);

        assertThatThrownBy(() -> drawing.draw(new Point(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("content.parameters.point")
                .hasMessageContaining("is not a JSON value");
    }

    @Test
    void rpcMethodReturningMessageReturnsTheResultAsItCameWithTheAnnotatedOptions() {
        Message failure = Message.error("no such user");
        target.answering(failure);

        Message reply = api.echoMessage("hi");

        assertThat(reply).isSameAs(failure);
        assertThat(target.last().message()).isEqualTo(Message.rpcCommand("echo", Map.of("text", "hi")));
        RpcOptions options = target.last().options();
        assertThat(options.timeout()).contains(Duration.ofMillis(1500));
        assertThat(options.maxRetry()).contains(0);
        assertThat(options.throwsOnTimeout()).isFalse();
    }

    @Test
    void rpcMethodReturningAFutureOfMessageCallsWithoutWaitingAlongItsRoute() {
        Route route = Route.key("echo-rpc");
        target.answering(Message.result("hi"));

        CompletableFuture<Message> reply = api.echoLater("hi", route);

        assertThat(reply.join()).isEqualTo(Message.result("hi"));
        assertThat(target.last().route()).isSameAs(route);
        assertThat(target.last().options().timeout()).isEmpty();
        assertThat(target.last().options().throwsOnTimeout()).isFalse();
    }

    @Test
    void rpcMethodReturningStringDecodesTheResultValue() {
        target.answering(Message.result("HI"));

        assertThat(api.echoText("hi")).isEqualTo("HI");
        assertThat(target.last().options().throwsOnTimeout()).isTrue();
    }

    @Test
    void rpcMethodReturningIntConvertsAnIntegralResultThatFits() {
        target.answering(Message.result(5L));

        assertThat(api.add(2, 3)).isEqualTo(5);
        assertThat(target.last().message()).isEqualTo(Message.rpcCommand("add", Map.of("a", 2, "b", 3)));
    }

    @Test
    void rpcMethodReturningAFutureOfAValueConvertsItWhenTheReplyComes() {
        target.answering(Message.result(5));

        assertThat(api.addLater(2, 3).join()).isEqualTo(5L);
        assertThat(target.last().options().throwsOnTimeout()).isTrue();
    }

    @Test
    void rpcMethodReturningAFutureOfAValueFailsItWithRemoteExceptionOnAnErrorResult() {
        target.answering(Message.error("overflow"));

        assertThatThrownBy(() -> api.addLater(2, 3).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RemoteException.class).hasMessageContaining("overflow");
    }

    @Test
    void errorResultOfATypedRpcThrowsRemoteException() {
        target.answering(Message.error("no such user"));

        assertThatThrownBy(() -> api.echoText("hi"))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.call()).isEqualTo("echo");
                    assertThat(e.resultType()).isEqualTo(ResultType.ERROR);
                    assertThat(e.exceptionName()).isEmpty();
                    assertThat(e.remoteMessage()).isEqualTo("no such user");
                });
    }

    @Test
    void exceptionResultOfAVoidRpcThrowsRemoteExceptionNamingTheRemoteException() {
        target.answering(Message.exception("ValueError", "bad value"));

        assertThatThrownBy(api::check)
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.resultType()).isEqualTo(ResultType.EXCEPTION);
                    assertThat(e.exceptionName()).contains("ValueError");
                    assertThat(e.getMessage()).isEqualTo("RPC check failed with exception ValueError: bad value");
                });
    }

    @Test
    void theLastTimeoutOfATypedRpcThrowsRpcTimeoutException() {
        target.failingWith(new RpcTimeoutException("No reply to echo"));

        assertThatThrownBy(() -> api.echoText("hi")).isInstanceOf(RpcTimeoutException.class);
    }

    @Test
    void defaultMethodsRunAsWritten() {
        target.answering(Message.result("HI!"));

        assertThat(api.shout("hi")).isEqualTo("HI!");
        assertThat(target.last().message()).isEqualTo(Message.rpcCommand("echo", Map.of("text", "HI")));
    }

    @Test
    void objectMethodsUseIdentityAndToStringNamesTheInterfaceAndTheProducer() {
        EchoApi other = TypedApi.create(EchoApi.class, target);

        assertThat(api).isEqualTo(api).isNotEqualTo(other);
        assertThat(api.hashCode()).isEqualTo(System.identityHashCode(api));
        assertThat(api.toString()).isEqualTo("EchoApi via Producer[test]");
        assertThat(target.sent).isEmpty();
    }

    @Test
    void aClassIsNotATypedApi() {
        assertThatThrownBy(() -> TypedApi.create(String.class, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("java.lang.String is not an interface");
    }

    interface Unannotated {
        void echo(String text);
    }

    interface DoublyAnnotated {
        @Command
        @Status
        void online();
    }

    @Test
    void aMethodWithoutExactlyOneAnnotationIsRefusedByName() {
        assertThatThrownBy(() -> TypedApi.create(Unannotated.class, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unannotated.echo has none of @Command, @Rpc, @Status");
        assertThatThrownBy(() -> TypedApi.create(DoublyAnnotated.class, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DoublyAnnotated.online has 2 of @Command, @Rpc, @Status");
    }

    interface CommandWithResult {
        @Command
        String echo(String text);
    }

    interface RpcWithRecordResult {
        @Rpc
        Fingerprint whoAreYou();
    }

    interface RpcWithTypedMap {
        @Rpc
        Map<String, Integer> counts();
    }

    interface RpcWithRawFuture {
        @Rpc
        @SuppressWarnings("rawtypes")
        CompletableFuture counts();
    }

    @Test
    void aReturnTypeThatDoesNotFitTheAnnotationIsRefusedByName() {
        assertThatThrownBy(() -> TypedApi.create(CommandWithResult.class, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CommandWithResult.echo is a @Command and returns java.lang.String; it must return void");
        assertThatThrownBy(() -> TypedApi.create(RpcWithRecordResult.class, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RpcWithRecordResult.whoAreYou returns io.postage.Fingerprint;");
        assertThatThrownBy(() -> TypedApi.create(RpcWithTypedMap.class, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RpcWithTypedMap.counts returns java.util.Map<java.lang.String, "
                        + "java.lang.Integer>;");
        assertThatThrownBy(() -> TypedApi.create(RpcWithRawFuture.class, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RpcWithRawFuture.counts returns java.util.concurrent.CompletableFuture;");
    }

    interface TwoRoutes {
        @Command
        void echo(Route first, String text, Route second);
    }

    @Test
    void twoRouteParametersAreRefused() {
        assertThatThrownBy(() -> TypedApi.create(TwoRoutes.class, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TwoRoutes.echo takes two Route parameters; take at most one");
    }

    interface StatusWithParameters {
        @Status
        void online(String since, Route route);
    }

    @Test
    void aStatusWithParametersOtherThanARouteIsRefused() {
        assertThatThrownBy(() -> TypedApi.create(StatusWithParameters.class, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("StatusWithParameters.online is a @Status but takes parameters");
    }

    interface AnnotatedDefault {
        @Command
        default void echo() {
        }
    }

    @Test
    void anAnnotatedDefaultMethodIsRefused() {
        assertThatThrownBy(() -> TypedApi.create(AnnotatedDefault.class, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AnnotatedDefault.echo is a default method and annotated");
    }

    interface ZeroTimeout {
        @Rpc(timeoutMillis = 0)
        Message echo();
    }

    @Test
    void anRpcTimeoutThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> TypedApi.create(ZeroTimeout.class, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ZeroTimeout.echo: An RPC timeout must be positive");
    }

    interface Inherited extends EchoApi {
        @Command
        void extra(List<Object> items);
    }

    @Test
    void methodsOfSuperInterfacesArePartOfTheApi() {
        Inherited inherited = TypedApi.create(Inherited.class, target);

        inherited.reload();
        inherited.extra(List.of(1, "two"));

        assertThat(target.sent).extracting(sent -> sent.message().name()).containsExactly("reload", "extra");
    }
}
