package io.postage;

import static io.postage.GenericApplication.APPLICATION;
import static io.postage.GenericApplication.PRESENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericApplicationTest {

    private static final Fingerprint WORKER = new Fingerprint("worker", "application", "42", "h1", "bob", "/");
    private static final ProcessorSettings SETTINGS = ProcessorSettings.of(PostageConfig.defaults());

    private static Binding binding(Exchange exchange, String queue, String key) {
        return new Binding(exchange, QueueSpec.named(queue).withAutoDelete(true), key);
    }

    @Test
    void keysFollowPostage12() {
        assertThat(ApplicationKeys.roundRobin("worker")).isEqualTo("worker/rr");
        assertThat(ApplicationKeys.fanout("worker")).isEqualTo("worker");
        assertThat(ApplicationKeys.host("h1")).isEqualTo("@h1");
        assertThat(ApplicationKeys.roundRobinOnHost("worker", "h1")).isEqualTo("worker@h1/rr");
        assertThat(ApplicationKeys.fanoutOnHost("worker", "h1")).isEqualTo("worker@h1");
        assertThat(ApplicationKeys.unique("42", "h1")).isEqualTo("42@h1");
        assertThat(ApplicationKeys.unique(WORKER)).isEqualTo("42@h1");
        assertThat(ApplicationKeys.group("worker", "blue")).isEqualTo("worker#blue");
        assertThat(ApplicationKeys.groupRoundRobin("worker", "blue")).isEqualTo("worker#blue/rr");
        assertThat(ApplicationKeys.PRESENCE).isEqualTo("presence");
        assertThat(ApplicationKeys.presenceOnHost("h1")).isEqualTo("presence@h1");
    }

    @Test
    void exchangesAreDurableDirectExchangesNamedAsInPostage12() {
        assertThat(APPLICATION).isEqualTo(Exchange.direct("generic-application-exchange"));
        assertThat(PRESENCE).isEqualTo(Exchange.direct("presence-exchange"));
        assertThat(APPLICATION.durable()).isTrue();
    }

    @Test
    void anApplicationBindsItsSystemHostAndUniqueQueuesThenItsGroups() {
        Eqk eqk = GenericApplication.bindingsFor(WORKER, List.of("blue"));

        assertThat(eqk.bindings()).containsExactly(
                binding(APPLICATION, "worker", "worker/rr"),
                binding(APPLICATION, "42@h1", "worker"),
                binding(APPLICATION, "42@h1", "@h1"),
                binding(APPLICATION, "worker@h1", "worker@h1/rr"),
                binding(APPLICATION, "42@h1", "worker@h1"),
                binding(APPLICATION, "42@h1", "42@h1"),
                binding(PRESENCE, "42@h1", "presence"),
                binding(PRESENCE, "42@h1", "presence@h1"),
                binding(APPLICATION, "42@h1", "worker#blue"),
                binding(APPLICATION, "worker#blue", "worker#blue/rr"));
    }

    @Test
    void aGroupNamedTwiceIsJoinedOnce() {
        GenericApplication application = new GenericApplication(WORKER, List.of("blue", "red", "blue"), SETTINGS);

        assertThat(GenericApplication.bindingsFor(WORKER, List.of("blue", "blue")).bindings()).hasSize(10);
        assertThat(application.groups()).containsExactly("blue", "red");
    }

    @Test
    void pingAnswersTheFingerprint() throws Throwable {
        GenericApplication application = new GenericApplication(WORKER, List.of(), SETTINGS);
        Message ping = Message.rpcCommand("ping", Map.of());

        Object answer = DispatchTable.of(GenericApplication.class).rpcHandler(ping).orElseThrow()
                .invoke(application, ping, reply -> { }, null);

        assertThat(answer).isEqualTo(Message.result(WORKER.asMap()));
    }

    @Test
    void joinGroupAndLeaveGroupChangeTheGroupsOnce() throws Throwable {
        GenericApplication application = new GenericApplication(WORKER, List.of("blue"), SETTINGS);

        handle(application, "join_group", "red");
        handle(application, "join_group", "red");
        assertThat(application.groups()).containsExactly("blue", "red");

        handle(application, "leave_group", "blue");
        handle(application, "leave_group", "blue");
        assertThat(application.groups()).containsExactly("red");
    }

    @Test
    void groupsIsAnImmutableCopy() {
        GenericApplication application = new GenericApplication(WORKER, List.of("blue"), SETTINGS);

        assertThatThrownBy(() -> application.groups().add("red")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aGroupCommandWithoutAGroupNameIsRejected() {
        GenericApplication application = new GenericApplication(WORKER, List.of(), SETTINGS);
        Message join = Message.command("join_group", Map.of("group", "red"));

        assertThatThrownBy(() -> DispatchTable.of(GenericApplication.class).messageHandlers(join).get(0)
                .invoke(application, join, null, null))
                .isInstanceOf(RejectMessage.class)
                .hasMessageContaining("{\"group_name\": \"<group>\"}");
    }

    private static void handle(GenericApplication application, String command, String group) throws Throwable {
        Message message = Message.command(command, Map.of("group_name", group));
        for (HandlerInvoker handler : DispatchTable.of(GenericApplication.class).messageHandlers(message)) {
            handler.invoke(application, message, null, null);
        }
    }
}
