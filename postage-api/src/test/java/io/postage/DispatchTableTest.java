package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.spi.StubDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchTableTest {

    private static final ProcessorSettings SETTINGS = ProcessorSettings.of(PostageConfig.defaults());
    private static final Fingerprint ME = new Fingerprint("test", "processor", "1", "h", "u", "/");

    static class Base extends MessageProcessor {
        final List<String> calls = new ArrayList<>();

        Base() {
            super(ME, Eqk.of(), SETTINGS);
        }

        @MessageHandler(name = "echo")
        void baseEcho() {
            calls.add("base");
        }
    }

    static class Ordered extends Base {
        @MessageHandler(name = "echo")
        void zulu(Map<String, Object> content) {
            calls.add("zulu " + content.get("parameters"));
        }

        @MessageHandler(name = "other")
        void unrelated() {
            calls.add("other");
        }

        @MessageHandlerFullBody(name = "echo")
        void alpha(Map<String, Object> body) {
            calls.add("alpha " + body.get("name"));
        }

        @MessageHandler(name = "echo")
        void mike(Message message, Map<String, Object> content) {
            calls.add("mike " + message.name() + " " + content.keySet());
        }

        @MessageHandler(name = "echo")
        static final class Kilo extends Handler<Ordered> {
            @Override
            public void call() {
                processor().calls.add("kilo " + content().get("parameters"));
            }
        }

        @RpcHandler(name = "echo")
        Message firstAnswer(Map<String, Object> content) {
            return Message.result("first");
        }

        @RpcHandler(name = "echo")
        void lastAnswer(Reply reply, Map<String, Object> content) {
            reply.result("last " + content.get("parameters"));
        }
    }

    @Test
    void messageHandlersRunInDeclarationOrderSuperclassFirstThenHandlerClasses() throws Throwable {
        Ordered processor = new Ordered();
        Message echo = Message.command("echo", "hi");

        for (HandlerInvoker handler : DispatchTable.of(Ordered.class).messageHandlers(echo)) {
            handler.invoke(processor, echo, null, null);
        }

        assertThat(processor.calls).containsExactly(
                "base", "zulu hi", "alpha echo", "mike echo [parameters]", "kilo hi");
    }

    @Test
    void theLastRegisteredRpcHandlerAnswers() throws Throwable {
        List<Message> replies = new ArrayList<>();
        Message call = Message.rpcCommand("echo", "hi");

        HandlerInvoker handler = DispatchTable.of(Ordered.class).rpcHandler(call).orElseThrow();
        Object returned = handler.invoke(new Ordered(), call, replies::add, null);

        assertThat(returned).isNull();
        assertThat(replies).containsExactly(Message.result("last hi"));
    }

    static class DeliveryAware extends MessageProcessor {
        final List<DeliveryInfo> seen = new ArrayList<>();

        DeliveryAware() {
            super(ME, Eqk.of(), SETTINGS);
        }

        @MessageHandler(name = "echo")
        void handle(DeliveryInfo delivery, Map<String, Object> content) {
            seen.add(delivery);
        }

        @MessageHandler(name = "echo")
        void ignoreIt(Map<String, Object> content) {
            seen.add(null);
        }
    }

    @Test
    void aHandlerTakingDeliveryInfoLearnsTheQueueAndTheRedeliveredFlag() throws Throwable {
        DeliveryAware processor = new DeliveryAware();
        Message echo = Message.command("echo", "hi");

        for (HandlerInvoker handler : DispatchTable.of(DeliveryAware.class).messageHandlers(echo)) {
            handler.invoke(processor, echo, null, new StubDelivery("orders", true));
        }

        assertThat(processor.seen).containsExactly(new DeliveryInfo("orders", true), null);
    }

    @Test
    void rpcAndMessageHandlersAreKeptApart() {
        DispatchTable table = DispatchTable.of(Ordered.class);

        assertThat(table.rpcHandler(Message.rpcCommand("other", 1))).isEmpty();
        assertThat(table.messageHandlers(Message.command("nothing"))).isEmpty();
        assertThat(table.messageHandlers(Message.status("echo"))).isEmpty();
    }

    @Test
    void builtInQuitAndRestartHandlersComeFirst() {
        DispatchTable table = DispatchTable.of(Ordered.class);

        assertThat(table.messageHandlers(Message.command("quit"))).hasSize(1);
        assertThat(table.messageHandlers(Message.command("restart"))).hasSize(1);
    }

    public static final class Upper implements ContentFilter {
        @Override
        public Object filter(Object content) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) content;
            return Map.of("parameters", map.get("parameters").toString().toUpperCase());
        }
    }

    public static final class Exclaim implements ContentFilter {
        @Override
        public Object filter(Object content) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) content;
            return Map.of("parameters", map.get("parameters") + "!");
        }
    }

    public static final class RefuseAll implements ContentFilter {
        @Override
        public Object filter(Object content) {
            throw new FilterError("refused");
        }
    }

    static class Filtered extends MessageProcessor {
        final List<Object> seen = new ArrayList<>();

        Filtered() {
            super(ME, Eqk.of(), SETTINGS);
        }

        @MessageFilter(Upper.class)
        @MessageFilter(Exclaim.class)
        @MessageHandler(name = "shout")
        void shout(Map<String, Object> content) {
            seen.add(content.get("parameters"));
        }

        @MessageFilter(RefuseAll.class)
        @MessageHandler(name = "shout")
        void never(Map<String, Object> content) {
            seen.add("never");
        }
    }

    @Test
    void filtersRunInDeclarationOrderAndFilterErrorReachesTheCaller() throws Throwable {
        Filtered processor = new Filtered();
        Message shout = Message.command("shout", "hi");
        List<HandlerInvoker> handlers = DispatchTable.of(Filtered.class).messageHandlers(shout);

        handlers.get(0).invoke(processor, shout, null, null);

        assertThat(processor.seen).containsExactly("HI!");
        assertThatThrownBy(() -> handlers.get(1).invoke(processor, shout, null, null)).isInstanceOf(FilterError.class);
    }

    @Test
    void theOriginalContentIsSharedUnchangedBetweenHandlers() throws Throwable {
        Filtered processor = new Filtered();
        Message shout = Message.command("shout", "hi");

        DispatchTable.of(Filtered.class).messageHandlers(shout).get(0).invoke(processor, shout, null, null);

        assertThat(shout.content()).isEqualTo(Map.of("parameters", "hi"));
    }

    static class WrongParameter extends MessageProcessor {
        WrongParameter() {
            super(ME, Eqk.of(), SETTINGS);
        }

        @MessageHandler(name = "x")
        void handle(String text) {
        }
    }

    static class ReplyOutsideRpc extends MessageProcessor {
        ReplyOutsideRpc() {
            super(ME, Eqk.of(), SETTINGS);
        }

        @MessageHandler(name = "x")
        void handle(Reply reply) {
        }
    }

    static class TwoAnnotations extends MessageProcessor {
        TwoAnnotations() {
            super(ME, Eqk.of(), SETTINGS);
        }

        @MessageHandler(name = "x")
        @RpcHandler(name = "x")
        void handle() {
        }
    }

    @Test
    void aMalformedHandlerFailsWhenTheProcessorIsCreatedNamingTheMethod() {
        assertThatThrownBy(WrongParameter::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WrongParameter.handle")
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(ReplyOutsideRpc::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("takes a Reply but is not an @RpcHandler");
        assertThatThrownBy(TwoAnnotations::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 2 handler annotations");
    }
}
