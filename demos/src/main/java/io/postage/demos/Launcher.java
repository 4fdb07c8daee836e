package io.postage.demos;

import io.postage.PostageConfig;
import io.postage.PostageException;
import io.postage.Providers;
import io.postage.testkit.broker.EmbeddedBroker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./postage-demo <demo> [role] [--uri URI] [--transport amqp091|amqp10]}: runs a demo. With no
 * {@code --uri} and no {@code POSTAGE_URI} it uses the broker on 127.0.0.1:5672, starting an embedded
 * one in this process when none answers. {@code ./postage-demo broker} runs only a broker;
 * {@code ./postage-demo} lists the demos.
 */
public final class Launcher {
    /** Qpid JMS announces every connection at INFO; a demo's output is its own lines. */
    private static final java.util.logging.Logger QPID_JMS = java.util.logging.Logger.getLogger("org.apache.qpid.jms");

    static {
        QPID_JMS.setLevel(java.util.logging.Level.WARNING);
    }

    private final PrintStream err;

    Launcher(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Launcher(System.err).run(args));
    }

    /**
     * @param args the command line
     * @return the exit code: 0 done, 1 the demo failed (one line says why), 2 a usage error
     */
    int run(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("postage-demo: " + e.getMessage());
            return 2;
        }
        if (arguments.demo().isEmpty()) {
            listDemos();
            return 0;
        }
        if (arguments.demo().get().equals("broker")) {
            return runBroker();
        }
        Optional<Demo> demo = Demos.named(arguments.demo().get());
        if (demo.isEmpty()) {
            err.println("postage-demo: no demo called " + arguments.demo().get() + "; run ./postage-demo to list them");
            return 2;
        }
        return runDemo(demo.get(), arguments);
    }

    private int runDemo(Demo demo, Arguments arguments) {
        PostageConfig environment = PostageConfig.fromEnvironment();
        Optional<String> uri = arguments.uri().or(() -> environment.uri().map(Object::toString));
        Optional<EmbeddedBroker> embedded = uri.isPresent() ? Optional.empty() : DemoBroker.startUnlessOneAnswers();
        try {
            PostageConfig config = environment.toBuilder()
                    .uri(uri.orElse(DemoBroker.DEFAULT_URI))
                    .transport(arguments.transport().orElse(environment.transport()))
                    .build();
            err.println("postage-demo: " + demo.name() + " on " + config.endpoint() + " over " + config.transport()
                    + (embedded.isPresent() ? " (embedded Qpid Broker-J started in this process)" : ""));
            Providers.transport(config.transport()).connect(config, "postage-demo probe").close();
            demo.run(arguments.role().orElse(""), new DemoContext(config));
            return 0;
        } catch (PostageException e) {
            err.println("postage-demo: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("postage-demo: " + demo.name() + " failed: " + e);
            return 1;
        } finally {
            embedded.ifPresent(EmbeddedBroker::close);
        }
    }

    private int runBroker() {
        try (EmbeddedBroker broker = EmbeddedBroker.start(DemoBroker.DEFAULT_PORT)) {
            err.println("postage-demo: embedded Qpid Broker-J on 127.0.0.1:" + broker.port()
                    + " (AMQP 0-9-1 and 1.0, user guest, vhost /); Ctrl-C stops it");
            new CountDownLatch(1).await();
            return 0;
        } catch (IllegalStateException e) {
            err.println("postage-demo: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void listDemos() {
        err.println("usage: ./postage-demo <demo> [role] [--uri URI] [--transport amqp091|amqp10]");
        err.println();
        for (Demo demo : Demos.all()) {
            err.printf("  %-20s %s (roles: %s)%n", demo.name(), demo.description(), String.join(", ", demo.roles()));
        }
        err.printf("  %-20s %s%n", "broker", "runs only an embedded broker on 127.0.0.1:5672, for demos in other shells");
    }

    /** The parsed command line. */
    record Arguments(Optional<String> demo, Optional<String> role, Optional<String> uri, Optional<String> transport) {

        static Arguments parse(String[] args) {
            List<String> positional = new ArrayList<>();
            String uri = null;
            String transport = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--uri" -> uri = value(args, ++i, "--uri");
                    case "--transport" -> transport = value(args, ++i, "--transport");
                    default -> positional.add(args[i]);
                }
            }
            if (positional.size() > 2) {
                throw new IllegalArgumentException("too many arguments: " + positional);
            }
            return new Arguments(positional.stream().findFirst(), positional.stream().skip(1).findFirst(),
                    Optional.ofNullable(uri), Optional.ofNullable(transport));
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
