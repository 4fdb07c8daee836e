package io.postage.amqp091.components;

import static io.postage.GenericApplication.APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.postage.ApplicationKeys;
import io.postage.GenericApplication;
import io.postage.Message;
import io.postage.MessageHandler;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.Route;
import io.postage.RpcOptions;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two generic applications with the same name in one JVM, addressed through the broker by every kind of key. */
@Timeout(30)
@PostageBroker
class GenericApplicationBrokerTest {
    private final BrokerInfo broker;
    private final String name;
    private final BlockingQueue<Received> log = new LinkedBlockingQueue<>();
    private final HelloApplication first;
    private final HelloApplication second;
    private RunningProcessors running;
    private Producer producer;

    /** What an application logged: a {@code hello} text, or that it finished joining or leaving a group. */
    record Received(String pid, String text) {
    }

    /** A generic application that logs the {@code hello} commands it gets and its group changes. */
    static final class HelloApplication extends GenericApplication {
        private final BlockingQueue<Received> log;

        HelloApplication(BrokerInfo broker, String name, String pid, BlockingQueue<Received> log) {
            super(TestFingerprints.of(broker, name, "application", pid), List.of(), ProcessorSettings.of(broker.config()));
            this.log = log;
        }

        @MessageHandler(name = "hello")
        void hello(Map<String, Object> content) {
            log.add(new Received(fingerprint().pid(), (String) content.get("parameters")));
        }

        /** Runs after the built-in handler (superclass handlers run first): the group is joined. */
        @MessageHandler(name = "join_group")
        void joined() {
            log.add(new Received(fingerprint().pid(), "joined"));
        }

        /** Runs after the built-in handler: the group is left. */
        @MessageHandler(name = "leave_group")
        void left() {
            log.add(new Received(fingerprint().pid(), "left"));
        }

        Received saying(String text) {
            return new Received(fingerprint().pid(), text);
        }
    }

    GenericApplicationBrokerTest(BrokerInfo broker) {
        this.broker = broker;
        this.name = broker.unique("app");
        this.first = new HelloApplication(broker, name, broker.unique("1001"), log);
        this.second = new HelloApplication(broker, name, broker.unique("1002"), log);
    }

    @BeforeEach
    void start() {
        running = RunningProcessors.start(first, second);
        producer = Producer.builder(TestFingerprints.of(broker, "app_controller", "application", broker.unique("ctl")))
                .config(broker.config())
                .build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        producer.close();
        running.close();
    }

    private void hello(String key, String text) {
        producer.message("hello", text, Route.to(APPLICATION, key));
    }

    private void command(HelloApplication application, String command, String group) {
        Route unique = Route.to(APPLICATION, ApplicationKeys.unique(application.fingerprint()));
        producer.message(command, Map.of("group_name", group), unique);
    }

    /** Takes the next entries of the log, failing if they do not come. */
    private List<Received> take(int count) throws InterruptedException {
        List<Received> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Received next = log.poll(RunningProcessors.GENEROUS.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(next).as("entry %d of %d; got %s", i + 1, count, taken).isNotNull();
            taken.add(next);
        }
        return taken;
    }

    @Test
    void theRoundRobinKeyReachesOneApplicationPerMessageInTurn() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            hello(ApplicationKeys.roundRobin(name), "rr-" + i);
        }

        List<Received> received = take(4);

        assertThat(received).extracting(Received::text).containsExactlyInAnyOrder("rr-0", "rr-1", "rr-2", "rr-3");
        Set<String> receivers = received.stream().map(Received::pid).collect(Collectors.toSet());
        // RabbitMQ hands a shared queue's messages to its consumers in turn; Qpid Broker-J to whichever is free.
        if (broker.isRabbitMq()) {
            assertThat(receivers).containsExactlyInAnyOrder(first.fingerprint().pid(), second.fingerprint().pid());
        }
    }

    @Test
    void theNameKeyReachesEveryApplicationOfThatName() throws InterruptedException {
        hello(ApplicationKeys.fanout(name), "all");

        assertThat(take(2)).containsExactlyInAnyOrder(first.saying("all"), second.saying("all"));
    }

    @Test
    void theUniqueKeyReachesOnlyThatApplication() throws InterruptedException {
        hello(ApplicationKeys.unique(second.fingerprint()), "only");
        hello(ApplicationKeys.fanout(name), "end"); // queued behind "only" in each unique queue

        assertThat(take(3)).containsExactlyInAnyOrder(second.saying("only"), second.saying("end"), first.saying("end"));
    }

    @Test
    void pingOnTheUniqueKeyAnswersThatApplicationsFingerprint() {
        Message pong = producer.rpc(Message.rpcCommand("ping", Map.of()), RpcOptions.defaults()
                .withRoute(Route.to(APPLICATION, ApplicationKeys.unique(second.fingerprint()))));

        assertThat(pong.isSuccess()).isTrue();
        assertThat(pong.content().get("value")).isEqualTo(second.fingerprint().asMap());
    }

    @Test
    void afterJoiningAGroupItsKeysReachTheMemberOnly() throws InterruptedException {
        command(first, "join_group", "blue");
        assertThat(take(1)).containsExactly(first.saying("joined"));

        hello(ApplicationKeys.group(name, "blue"), "group");
        hello(ApplicationKeys.groupRoundRobin(name, "blue"), "group-rr");
        hello(ApplicationKeys.fanout(name), "end");

        assertThat(take(4)).containsExactlyInAnyOrder(first.saying("group"), first.saying("group-rr"),
                first.saying("end"), second.saying("end"));
        assertThat(first.groups()).containsExactly("blue");
        assertThat(second.groups()).isEmpty();
    }

    @Test
    void afterLeavingAGroupItsKeysNoLongerReachTheApplicationUntilItJoinsAgain() throws Exception {
        command(first, "join_group", "blue");
        command(first, "leave_group", "blue");
        assertThat(take(2)).containsExactly(first.saying("joined"), first.saying("left"));

        assertThat(consumersOf(ApplicationKeys.group(name, "blue"))).as("consumers of the group queue").isZero();
        hello(ApplicationKeys.group(name, "blue"), "group");
        hello(ApplicationKeys.fanout(name), "end"); // queued behind "group" in the unique queues, were it bound
        assertThat(take(2)).containsExactlyInAnyOrder(first.saying("end"), second.saying("end"));
        assertThat(first.groups()).isEmpty();

        command(first, "join_group", "blue");
        assertThat(take(1)).containsExactly(first.saying("joined"));
        hello(ApplicationKeys.groupRoundRobin(name, "blue"), "back");
        assertThat(take(1)).containsExactly(first.saying("back"));
    }

    /** @return how many consumers the queue has; 0 if the broker deleted it (it is auto-deleted) */
    private int consumersOf(String queue) throws Exception {
        try (Connection raw = RawAmqp.connect(broker)) {
            return raw.createChannel().queueDeclarePassive(queue).getConsumerCount();
        } catch (IOException e) {
            assertThat(e.getCause()).as("the queue is gone").isInstanceOfSatisfying(ShutdownSignalException.class,
                    closed -> assertThat(((AMQP.Channel.Close) closed.getReason()).getReplyCode())
                            .isEqualTo(AMQP.NOT_FOUND));
            return 0;
        }
    }
}
