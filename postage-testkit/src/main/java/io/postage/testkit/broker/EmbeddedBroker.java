package io.postage.testkit.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.AuthenticationProvider;
import org.apache.qpid.server.model.Container;
import org.apache.qpid.server.model.KeyStore;
import org.apache.qpid.server.model.PasswordCredentialManagingAuthenticationProvider;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.TrustStore;
import org.apache.qpid.server.security.FileKeyStore;
import org.apache.qpid.server.security.FileTrustStore;

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
 * <p>With a TLS port and more users, for the security tests:
 * {@snippet :
 * try (EmbeddedBroker broker = EmbeddedBroker.builder()
 *         .tls(ca.issueKeyStore(dir.resolve("server.p12"), "changeit", "localhost"), "changeit")
 *         .user("alice", "s3cret")
 *         .start()) {
 *     String uri = "amqps://alice:s3cret@localhost:" + broker.tlsPort() + "/%2F";
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

    private static final String AUTHENTICATION_PROVIDER = "plain";

    private final SystemLauncher launcher;
    private final int port;
    private final int tlsPort;

    private EmbeddedBroker(SystemLauncher launcher, int port, int tlsPort) {
        this.launcher = launcher;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** @return a builder for a broker with a TLS port or more users than guest */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return a broker started on a free loopback port
     * @throws IllegalStateException if it cannot start
     */
    public static EmbeddedBroker start() {
        return builder().start();
    }

    /**
     * @param port the loopback port for both protocols
     * @return a started broker
     * @throws IllegalStateException if it cannot start (the port is taken, say)
     */
    public static EmbeddedBroker start(int port) {
        return builder().port(port).start();
    }

    private static EmbeddedBroker start(Builder options) {
        int port = options.port == 0 ? freePort() : options.port;
        LOG.log(Level.TRACE, () -> "Quietened " + QUIET.size() + " Broker-J loggers");
        URL config = Objects.requireNonNull(EmbeddedBroker.class.getResource(CONFIG), CONFIG);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SystemConfig.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, config.toExternalForm());
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
        attributes.put(SystemConfig.CONTEXT, Map.of("qpid.amqp_port", Integer.toString(port)));
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                system.set(systemConfig);
            }
        });
        long started = System.nanoTime();
        int tlsPort = options.keyStore == null ? -1 : freePort();
        try {
            launcher.startup(attributes);
            Container<?> broker = system.get().getContainer();
            if (!options.users.isEmpty()) {
                if (!(broker.getChildByName(AuthenticationProvider.class, AUTHENTICATION_PROVIDER)
                        instanceof PasswordCredentialManagingAuthenticationProvider<?> users)) {
                    throw new IllegalStateException("the authentication provider '" + AUTHENTICATION_PROVIDER
                            + "' of " + CONFIG + " does not manage passwords");
                }
                options.users.forEach((name, password) -> users.createUser(name, password, Map.of()));
            }
            if (options.keyStore != null) {
                openTlsPort(broker, tlsPort, options);
            }
        } catch (Exception e) {
            launcher.shutdown();
            throw new IllegalStateException("The embedded Qpid Broker-J did not start on port " + port + ": " + e, e);
        }
        LOG.log(Level.DEBUG, () -> "Embedded Qpid Broker-J started on 127.0.0.1:" + port + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return new EmbeddedBroker(launcher, port, tlsPort);
    }

    private static void openTlsPort(Container<?> broker, int tlsPort, Builder options) {
        broker.createChild(KeyStore.class, Map.of(KeyStore.NAME, "tls", KeyStore.TYPE, "FileKeyStore",
                FileKeyStore.STORE_URL, options.keyStore.toAbsolutePath().toString(),
                FileKeyStore.PASSWORD, options.keyStorePassword, FileKeyStore.KEY_STORE_TYPE, "PKCS12"));
        Map<String, Object> port = new HashMap<>(Map.of(Port.NAME, "AMQPS", Port.TYPE, "AMQP", Port.PORT, tlsPort,
                Port.BINDING_ADDRESS, "127.0.0.1", Port.TRANSPORTS, List.of("SSL"), Port.KEY_STORE, "tls",
                Port.PROTOCOLS, List.of("AMQP_0_9_1", "AMQP_1_0"), Port.AUTHENTICATION_PROVIDER,
                AUTHENTICATION_PROVIDER));
        if (options.clientTrustStore != null) {
            broker.createChild(TrustStore.class, Map.of(TrustStore.NAME, "clients", TrustStore.TYPE, "FileTrustStore",
                    FileTrustStore.STORE_URL, options.clientTrustStore.toAbsolutePath().toString(),
                    FileTrustStore.PASSWORD, options.clientTrustStorePassword, FileTrustStore.TRUST_STORE_TYPE, "PKCS12"));
            port.put(Port.NEED_CLIENT_AUTH, true);
            port.put(Port.TRUST_STORES, List.of("clients"));
        }
        broker.createChild(Port.class, port);
    }

    /** @return the loopback port both protocols listen on */
    public int port() {
        return port;
    }

    /**
     * @return the loopback port that speaks both protocols over TLS
     * @throws IllegalStateException if the broker was built without {@link Builder#tls(Path, String)}
     */
    public int tlsPort() {
        if (tlsPort < 0) {
            throw new IllegalStateException("This embedded broker has no TLS port; build it with tls(keyStore, password)");
        }
        return tlsPort;
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

    /** Builds an {@link EmbeddedBroker} with a TLS port or more users; starts from guest/guest on a free port. */
    public static final class Builder {
        private int port;
        private Path keyStore;
        private String keyStorePassword;
        private Path clientTrustStore;
        private String clientTrustStorePassword;
        private final Map<String, String> users = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param port the loopback port for both protocols, without TLS; 0 for a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Adds a loopback port, chosen free, that speaks both protocols over TLS with the server key and
         * certificate of a PKCS#12 store.
         *
         * @param keyStore the PKCS#12 store
         * @param password its password
         * @return this builder
         */
        public Builder tls(Path keyStore, String password) {
            this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
            this.keyStorePassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Makes the TLS port ask every client for a certificate, and refuse those the store's CAs did not sign.
         *
         * @param trustStore a PKCS#12 store of the CA certificates that sign client certificates
         * @param password its password
         * @return this builder
         */
        public Builder requireClientCertificates(Path trustStore, String password) {
            this.clientTrustStore = Objects.requireNonNull(trustStore, "trustStore");
            this.clientTrustStorePassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * @param name a user name to accept besides guest
         * @param password its password
         * @return this builder
         */
        public Builder user(String name, String password) {
            users.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(password, "password"));
            return this;
        }

        /**
         * @return the started broker
         * @throws IllegalStateException if it cannot start (a port taken, a key store it cannot read)
         */
        public EmbeddedBroker start() {
            return EmbeddedBroker.start(this);
        }
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
