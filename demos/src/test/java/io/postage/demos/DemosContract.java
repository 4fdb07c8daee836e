package io.postage.demos;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.testkit.junit.BrokerInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every demo runs end to end through the launcher, as {@code ./postage-demo <demo>} does, and prints
 * what the README says it prints. Subclasses pick the broker.
 */
@Timeout(120)
abstract class DemosContract {
    private final BrokerInfo broker;

    DemosContract(BrokerInfo broker) {
        this.broker = broker;
    }

    /** What a demo printed and how the launcher ended. */
    record Run(int exitCode, String out, String err) {
    }

    private synchronized Run launch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exitCode = new Launcher(new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private Run demo(String name) {
        Run run = launch(name, "--uri", broker.uri091());
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
        return run;
    }

    @Test
    void crossTransportShowsBothTransportsTalkingBothWays() {
        assertThat(demo("cross-transport").out()).contains(
                "[amqp10] desk10 heard \"hello from the 0-9-1 side\" from desk091",
                "[amqp091] desk091 heard \"hello from the 1.0 side\" from desk10",
                "[amqp091] desk091 asked desk10, got: desk10 answers \"how are you?\" over amqp10",
                "[amqp10] desk10 asked desk091, got: desk091 answers \"and you?\" over amqp091");
    }

    @Test
    void basicEchoPrintsTheMessageSent() {
        assertThat(demo("basic-echo").out()).contains("A test message");
    }

    @Test
    void advancedEchoSharesTheRoundRobinAndCopiesTheFanOutToEachReceiver() {
        String out = demo("advanced-echo").out();

        assertThat(out).contains("A single test message", "Another single test message",
                "Message fingerprint: {name=echo_send, type=application");
        assertThat(out.split("A fanout test message", -1)).as("one fan-out copy per receiver").hasSize(3);
    }

    @Test
    void rpcEchoPrintsTheCallAndTheReply() {
        assertThat(demo("rpc-echo").out()).contains("RPC test message\n", "RPC message received\n");
    }

    @Test
    void genericApplicationAnswersPingJoinsAGroupAndHearsBothGroups() {
        assertThat(demo("generic-application").out()).contains("ping answered by demo_app pid ",
                "[day-shift, night-shift] got: good evening, night shift",
                "[day-shift, night-shift] got: good morning, day shift");
    }

    @Test
    void typedApiCallsTheInterfaceOverTheNetwork() {
        assertThat(demo("typed-api").out()).contains("echo: {text=hello, typed world}",
                "shout replied: HELLO, TYPED WORLD!");
    }

    @Test
    void anUnreachableBrokerPrintsOneLineAndExitsNonZero() {
        Run run = launch("rpc-echo", "--uri", "amqp://guest:guest@127.0.0.1:1/%2F");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(line -> !line.isBlank()))
                .containsExactly("postage-demo: rpc-echo on amqp://guest:****@127.0.0.1:1/%2F over amqp091",
                        "postage-demo: Cannot connect to amqp://guest:****@127.0.0.1:1/%2F : connection refused");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutArgumentsTheLauncherListsEveryDemo() {
        Run run = launch();

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("cross-transport", "basic-echo", "advanced-echo", "rpc-echo",
                "generic-application", "typed-api", "broker");
    }
}
