package io.postage.testkit.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An Apache Qpid Broker-J running inside this JVM: AMQP 0-9-1 and AMQP 1.0 on one loopback port,
 * user guest/guest, virtual host {@code /}, everything in memory. The zero-install broker for the
 * tests and the demos.
 *
 * {@snippet :
 * try (EmbeddedBroker broker = EmbeddedBroker.start()) {
 *     PostageConfig config = PostageConfig.builder().uri(broker.uri091()).build();
 *     ...
 * }
 * }
 *
 * <p>Standalone, for components in other processes:
 * {@code java -cp <test kit class path> io.postage.testkit.broker.EmbeddedBroker --port 5672}.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedBroker.class.getName());
    private static final String CONFIG = "broker-config.json";
    /** Broker-J logs its start-up and every connection at INFO; where SLF4J goes to java.util.logging, keep it to errors. */
    private static final List<java.util.logging.Logger> QUIET = Stream.of("org.apache.qpid", "qpid")
            .map(java.util.logging.Logger::getLogger)
            .peek(logger -> logger.setLevel(java.util.logging.Level.SEVERE))
            .toList();

    private final SystemLauncher launcher;
    private final int port;

    private EmbeddedBroker(SystemLauncher launcher, int port) {
        this.launcher = launcher;
        this.port = port;
    }

    /**
     * @return a broker started on a free loopback port
     * @throws IllegalStateException if it cannot start
     */
    public static EmbeddedBroker start() {
        return start(freePort());
    }

    /**
     * @param port the loopback port for both protocols
     * @return a started broker
     * @throws IllegalStateException if it cannot start (the port is taken, say)
     */
    public static EmbeddedBroker start(int port) {
        LOG.log(Level.TRACE, () -> "Quietened " + QUIET.size() + " Broker-J loggers");
        URL config = Objects.requireNonNull(EmbeddedBroker.class.getResource(CONFIG), CONFIG);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SystemConfig.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, config.toExternalForm());
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
        attributes.put(SystemConfig.CONTEXT, Map.of("qpid.amqp_port", Integer.toString(port)));
        SystemLauncher launcher = new SystemLauncher();
        long started = System.nanoTime();
        try {
            launcher.startup(attributes);
        } catch (Exception e) {
            launcher.shutdown();
            throw new IllegalStateException("The embedded Qpid Broker-J did not start on port " + port + ": " + e, e);
        }
        LOG.log(Level.DEBUG, () -> "Embedded Qpid Broker-J started on 127.0.0.1:" + port + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return new EmbeddedBroker(launcher, port);
    }

    /** @return the loopback port both protocols listen on */
    public int port() {
        return port;
    }

    /** @return the AMQP 0-9-1 URI, credentials and vhost {@code /} included */
    public String uri091() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/%2F";
    }

    /** @return the AMQP 1.0 URI (Qpid JMS form; credentials go in {@code jms.username}/{@code jms.password}) */
    public String uri10() {
        return "amqp://127.0.0.1:" + port;
    }

    /** Stops the broker; idempotent. */
    @Override
    public void close() {
        launcher.shutdown();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the embedded broker", e);
        }
    }

    /**
     * Runs a broker until the process is stopped.
     *
     * @param args {@code --port N} (default 5672)
     * @throws InterruptedException never, in practice: the broker runs until the JVM exits
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 5672;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("Usage: EmbeddedBroker [--port N]; unknown argument " + args[i]);
            }
        }
        EmbeddedBroker broker = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-broker-shutdown"));
        LOG.log(Level.INFO, "Embedded Qpid Broker-J listening on 127.0.0.1:{0,number,#} (AMQP 0-9-1 and 1.0, guest/guest, vhost /)", port);
        new CountDownLatch(1).await();
    }
}
