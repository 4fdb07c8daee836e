package io.postage;

import io.postage.internal.TlsStores;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * Where and how a component connects: broker host, port, vhost and credentials (or one URI), the
 * transport and the codec to use. Read it from the environment with Postage 1.x's variable names,
 * then override in code: code wins.
 *
 * {@snippet :
 * PostageConfig config = PostageConfig.fromEnvironment()
 *         .toBuilder()
 *         .vhost("orders")
 *         .build();
 * }
 *
 * <table>
 * <caption>Environment variables</caption>
 * <tr><th>variable</th><th>default</th></tr>
 * <tr><td>POSTAGE_HOST</td><td>localhost</td></tr>
 * <tr><td>POSTAGE_PORT</td><td>5672</td></tr>
 * <tr><td>POSTAGE_VHOST</td><td>/</td></tr>
 * <tr><td>POSTAGE_USER (deprecated: POSTAGE_RMQ_USER)</td><td>guest</td></tr>
 * <tr><td>POSTAGE_PASSWORD (deprecated: POSTAGE_RMQ_PASSWORD)</td><td>guest</td></tr>
 * <tr><td>POSTAGE_URI ({@code amqp://} or {@code amqps://}; wins over the pieces)</td><td>none</td></tr>
 * <tr><td>POSTAGE_TRANSPORT</td><td>amqp091</td></tr>
 * <tr><td>POSTAGE_CODEC</td><td>jackson</td></tr>
 * <tr><td>POSTAGE_DEBUG_MODE ({@code true} logs every publish and delivery)</td><td>false</td></tr>
 * <tr><td>POSTAGE_TLS_TRUSTSTORE (CA certificates to trust over {@code amqps}: PKCS#12, JKS or
 *     PEM file)</td><td>the JVM's trust store</td></tr>
 * <tr><td>POSTAGE_TLS_TRUSTSTORE_PASSWORD</td><td>none</td></tr>
 * <tr><td>POSTAGE_TLS_KEYSTORE (the client's key and certificate: PKCS#12 or JKS file)</td><td>none</td></tr>
 * <tr><td>POSTAGE_TLS_KEYSTORE_PASSWORD</td><td>none</td></tr>
 * <tr><td>POSTAGE_RECOVERY_DELAY_MS (first pause before reconnecting, see {@link RecoveryPolicy})</td>
 *     <td>100</td></tr>
 * <tr><td>POSTAGE_RECOVERY_MAX_DELAY_MS (longest pause between attempts to reconnect)</td><td>5000</td></tr>
 * <tr><td>POSTAGE_RECOVERY_WAIT_MS (how long an operation waits for a lost connection)</td><td>10000</td></tr>
 * </table>
 *
 * <p>TLS is chosen by an {@code amqps://} URI; the broker's certificate and its host name are then always
 * verified, against the JVM's trust store unless {@link Builder#sslContext(SSLContext)} or the
 * {@code POSTAGE_TLS_*} variables give other trust (and key) material.
 *
 * <p>{@link #toString()} never shows the password, not even inside the URI.
 */
public final class PostageConfig {

    /** The transport used when none is configured. */
    public static final String DEFAULT_TRANSPORT = "amqp091";
    /** The codec used when none is configured. */
    public static final String DEFAULT_CODEC = "jackson";

    private static final System.Logger LOG = System.getLogger(PostageConfig.class.getName());
    private static final AtomicBoolean DEPRECATION_WARNED = new AtomicBoolean();

    private final String host;
    private final int port;
    private final String vhost;
    private final String user;
    private final String password;
    private final URI uri;
    private final String transport;
    private final String codec;
    private final boolean debugMode;
    private final SSLContext sslContext;
    // Recovery settings.
    private final RecoveryPolicy recovery;

    private PostageConfig(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.vhost = builder.vhost;
        this.user = builder.user;
        this.password = builder.password;
        this.uri = builder.uri;
        this.transport = builder.transport;
        this.codec = builder.codec;
        this.debugMode = builder.debugMode;
        this.sslContext = builder.sslContext;
        // Recovery settings.
        this.recovery = builder.recovery;
    }

    /** @return the defaults: guest/guest on localhost:5672, vhost {@code /}, amqp091, jackson */
    public static PostageConfig defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the configuration the process environment describes
     * @throws ConfigurationException naming the variable whose value is invalid
     */
    public static PostageConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * @param environment variables, as {@link System#getenv()} returns them
     * @return the configuration those variables describe
     * @throws ConfigurationException naming the variable whose value is invalid
     */
    public static PostageConfig fromEnvironment(Map<String, String> environment) {
        Builder builder = builder();
        variable(environment, "POSTAGE_HOST").ifPresent(builder::host);
        variable(environment, "POSTAGE_PORT").ifPresent(port -> builder.port(parsePort(port)));
        variable(environment, "POSTAGE_VHOST").ifPresent(builder::vhost);
        deprecatedVariable(environment, "POSTAGE_USER", "POSTAGE_RMQ_USER").ifPresent(builder::user);
        deprecatedVariable(environment, "POSTAGE_PASSWORD", "POSTAGE_RMQ_PASSWORD").ifPresent(builder::password);
        variable(environment, "POSTAGE_URI").ifPresent(uri -> builder.uri(parseUri(uri, "POSTAGE_URI")));
        variable(environment, "POSTAGE_TRANSPORT").ifPresent(builder::transport);
        variable(environment, "POSTAGE_CODEC").ifPresent(builder::codec);
        variable(environment, "POSTAGE_DEBUG_MODE")
                .ifPresent(debug -> builder.debugMode(debug.trim().toLowerCase(Locale.ROOT).equals("true")));
        Optional<TlsStores.StoreFile> trustStore = storeFile(environment, "POSTAGE_TLS_TRUSTSTORE");
        Optional<TlsStores.StoreFile> keyStore = storeFile(environment, "POSTAGE_TLS_KEYSTORE");
        if (trustStore.isPresent() || keyStore.isPresent()) {
            builder.sslContext(TlsStores.context(trustStore, keyStore));
        }
        recoveryFromEnvironment(environment, builder);
        return builder.build();
    }

    private static Optional<TlsStores.StoreFile> storeFile(Map<String, String> environment, String name) {
        return variable(environment, name).map(path -> new TlsStores.StoreFile(name, Path.of(path.trim()),
                variable(environment, name + "_PASSWORD").orElse("")));
    }

    // Recovery settings.
    private static void recoveryFromEnvironment(Map<String, String> environment, Builder builder) {
        RecoveryPolicy defaults = RecoveryPolicy.DEFAULT;
        Duration initial = millis(environment, "POSTAGE_RECOVERY_DELAY_MS", defaults.initialDelay());
        Duration max = millis(environment, "POSTAGE_RECOVERY_MAX_DELAY_MS", defaults.maxDelay().compareTo(initial) < 0
                ? initial : defaults.maxDelay());
        Duration wait = millis(environment, "POSTAGE_RECOVERY_WAIT_MS", defaults.operationWait());
        try {
            builder.recovery(new RecoveryPolicy(initial, max, wait));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("POSTAGE_RECOVERY_DELAY_MS, POSTAGE_RECOVERY_MAX_DELAY_MS and "
                    + "POSTAGE_RECOVERY_WAIT_MS do not fit together: " + e.getMessage());
        }
    }

    private static Duration millis(Map<String, String> environment, String name, Duration otherwise) {
        Optional<String> value = variable(environment, name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Duration.ofMillis(Long.parseLong(value.get().trim()));
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name + " must be a number of milliseconds, not \"" + value.get() + "\"");
        }
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }

    private static Optional<String> deprecatedVariable(Map<String, String> environment, String name,
            String deprecatedName) {
        Optional<String> deprecated = variable(environment, deprecatedName);
        if (deprecated.isPresent() && DEPRECATION_WARNED.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "POSTAGE_RMQ_USER and POSTAGE_RMQ_PASSWORD are deprecated: "
                    + "use POSTAGE_USER and POSTAGE_PASSWORD instead ({0} is set)", deprecatedName);
        }
        return variable(environment, name).or(() -> deprecated);
    }

    private static int parsePort(String port) {
        try {
            return checkPort(Integer.parseInt(port.trim()), "POSTAGE_PORT");
        } catch (NumberFormatException e) {
            throw new ConfigurationException(
                    "POSTAGE_PORT must be a port number between 1 and 65535, not \"" + port + "\"");
        }
    }

    private static int checkPort(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new ConfigurationException(what + " must be a port number between 1 and 65535, not " + port);
        }
        return port;
    }

    private static URI parseUri(String uri, String what) {
        URI parsed;
        try {
            parsed = new URI(uri.trim());
        } catch (URISyntaxException e) {
            throw new ConfigurationException(what + " is not a valid URI: " + redact(e.getInput()) + " ("
                    + e.getReason() + ")");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw new ConfigurationException(what + " must start with amqp:// or amqps://, not \""
                    + redact(uri) + "\"");
        }
        if (parsed.getRawAuthority() != null && parsed.getHost() == null) {
            // java.net.URI reads an authority it cannot parse (a port that is not a number, say) as a
            // registry name, without host, port or user: the clients would then quietly connect to localhost.
            throw new ConfigurationException(what + " must be amqp[s]://user:password@host:port/vhost with a valid "
                    + "host and a numeric port, not \"" + redact(uri) + "\"");
        }
        return parsed;
    }

    /** Hides the password of {@code scheme://user:password@host...}, whatever the text around it. */
    private static String redact(String uri) {
        return uri.replaceAll("(//[^/@:]*):[^/@]*@", "$1:****@");
    }

    /** @return the broker host; ignored when a {@link #uri()} is set */
    public String host() {
        return host;
    }

    /** @return the broker port; ignored when a {@link #uri()} is set */
    public int port() {
        return port;
    }

    /** @return the virtual host */
    public String vhost() {
        return vhost;
    }

    /** @return the user name */
    public String user() {
        return user;
    }

    /** @return the password; never log it */
    public String password() {
        return password;
    }

    /** @return the broker URI, which wins over host, port, vhost and credentials when set */
    public Optional<URI> uri() {
        return Optional.ofNullable(uri);
    }

    /** @return the id of the transport to use: {@code amqp091} or {@code amqp10} */
    public String transport() {
        return transport;
    }

    /** @return the id of the codec to use: {@code jackson} or {@code gson} */
    public String codec() {
        return codec;
    }

    /** @return whether every publish and delivery is logged */
    public boolean debugMode() {
        return debugMode;
    }

    /** @return how a lost connection is reopened, and how long operations wait for it */
    public RecoveryPolicy recovery() {
        return recovery;
    }

    /**
     * @return the TLS context for {@code amqps} connections; empty: the JVM's default (its trust store,
     *     {@code javax.net.ssl.*} system properties)
     */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /**
     * @return where this configuration points, safe to log: the URI without its password, or
     *     {@code amqp://user@host:port/vhost}
     */
    public String endpoint() {
        if (uri != null) {
            return redact(uri.toString());
        }
        return "amqp://" + user + "@" + host + ":" + port + "/" + vhost;
    }

    /** @return a builder holding this configuration, to override parts of it */
    public Builder toBuilder() {
        return new Builder()
                .host(host).port(port).vhost(vhost).user(user).password(password)
                .transport(transport).codec(codec).debugMode(debugMode)
                .uriOrNone(uri).sslContextOrNone(sslContext)
                .recovery(recovery);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof PostageConfig that
                && host.equals(that.host) && port == that.port && vhost.equals(that.vhost)
                && user.equals(that.user) && password.equals(that.password) && Objects.equals(uri, that.uri)
                && transport.equals(that.transport) && codec.equals(that.codec) && debugMode == that.debugMode
                && Objects.equals(sslContext, that.sslContext) && recovery.equals(that.recovery);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, vhost, user, password, uri, transport, codec, debugMode, sslContext, recovery);
    }

    @Override
    public String toString() {
        return "PostageConfig[endpoint=" + endpoint() + ", password=****, transport=" + transport
                + ", codec=" + codec + ", debugMode=" + debugMode
                + ", sslContext=" + (sslContext == null ? "JVM default" : "given") + ", recovery=" + recovery + "]";
    }

    /** Builds a {@link PostageConfig}; starts from the defaults. */
    public static final class Builder {
        private String host = "localhost";
        private int port = 5672;
        private String vhost = "/";
        private String user = "guest";
        private String password = "guest";
        private URI uri;
        private String transport = DEFAULT_TRANSPORT;
        private String codec = DEFAULT_CODEC;
        private boolean debugMode;
        private SSLContext sslContext;
        // Recovery settings.
        private RecoveryPolicy recovery = RecoveryPolicy.DEFAULT;

        private Builder() {
        }

        /**
         * @param host the broker host
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param port the broker port, 1 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            this.port = checkPort(port, "port");
            return this;
        }

        /**
         * @param vhost the virtual host
         * @return this builder
         */
        public Builder vhost(String vhost) {
            this.vhost = Objects.requireNonNull(vhost, "vhost");
            return this;
        }

        /**
         * @param user the user name
         * @return this builder
         */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /**
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * @param uri an {@code amqp://} or {@code amqps://} URI; it wins over host, port, vhost and credentials
         * @return this builder
         * @throws ConfigurationException if it is not such a URI
         */
        public Builder uri(String uri) {
            return uri(parseUri(uri, "uri"));
        }

        /**
         * @param uri an {@code amqp://} or {@code amqps://} URI; it wins over host, port, vhost and credentials
         * @return this builder
         * @throws ConfigurationException if it is not such a URI
         */
        public Builder uri(URI uri) {
            this.uri = parseUri(uri.toString(), "uri");
            return this;
        }

        /** @return this builder, with no URI: host, port, vhost and credentials apply */
        public Builder noUri() {
            this.uri = null;
            return this;
        }

        private Builder uriOrNone(URI uri) {
            this.uri = uri;
            return this;
        }

        /**
         * @param transport a transport id: {@code amqp091} or {@code amqp10}
         * @return this builder
         */
        public Builder transport(String transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * @param codec a codec id: {@code jackson} or {@code gson}
         * @return this builder
         */
        public Builder codec(String codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * @param debugMode whether to log every publish and delivery
         * @return this builder
         */
        public Builder debugMode(boolean debugMode) {
            this.debugMode = debugMode;
            return this;
        }

        /**
         * Gives the trust (and key) material for {@code amqps} connections, such as a context trusting a
         * private CA. Host-name verification stays on whatever the context.
         *
         * @param sslContext an initialised TLS context
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /** @return this builder, with the JVM's default TLS context for {@code amqps} connections */
        public Builder defaultSslContext() {
            this.sslContext = null;
            return this;
        }

        private Builder sslContextOrNone(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        // Recovery settings.
        /**
         * @param recovery how a lost connection is reopened, and how long operations wait for it
         * @return this builder
         */
        public Builder recovery(RecoveryPolicy recovery) {
            this.recovery = Objects.requireNonNull(recovery, "recovery");
            return this;
        }

        /** @return the configuration */
        public PostageConfig build() {
            return new PostageConfig(this);
        }
    }
}
