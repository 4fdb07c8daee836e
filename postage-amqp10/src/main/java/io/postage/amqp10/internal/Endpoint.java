package io.postage.amqp10.internal;

import io.postage.ConfigurationException;
import io.postage.PostageConfig;
import io.postage.RecoveryPolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Where the transport connects, read from a {@link PostageConfig}: the broker's host and port, TLS, the
 * virtual host and credentials, and the options Postage takes from the URI's query:
 * <ul>
 * <li>{@value #DIALECT}{@code =rabbitmq|qpid-broker-j|generic}: the broker, instead of detecting it;</li>
 * <li>{@value #MANAGEMENT}{@code =http[s]://host:port}: RabbitMQ's management API (default
 *     {@code http://<host>:15672}, {@code https://<host>:15671} for {@code amqps});</li>
 * <li>{@value #FAILOVER}{@code =host2:port,host3:port}: more brokers to fail over to, tried in order; with
 *     failover, a lost connection is reopened with the configuration's {@link RecoveryPolicy} (its delays, and
 *     its operation wait as the bound of a send);</li>
 * <li>anything else ({@code jms.*}, {@code amqp.*}, {@code transport.*}, {@code failover.*}) goes to Qpid JMS
 *     as it is and wins over Postage's defaults.</li>
 * </ul>
 *
 * @param hosts {@code host:port} of each broker, the first one first
 * @param tls whether to use {@code amqps}
 * @param vhost the virtual host
 * @param user the user name
 * @param password the password
 * @param dialect the broker named by {@value #DIALECT}, if any
 * @param management the management API named by {@value #MANAGEMENT}, if any
 * @param sslContext the TLS context for {@code amqps} (and an {@code https} management API), if not the JVM's
 * @param options Qpid JMS options given in the URI, raw (still URL-encoded)
 * @param display where this points, without the password, for messages
 * @param recovery how failover reconnects
 */
record Endpoint(List<String> hosts, boolean tls, String vhost, String user, String password, Optional<String> dialect,
        Optional<URI> management, Optional<SSLContext> sslContext, Map<String, String> options, String display,
        RecoveryPolicy recovery) {

    /** The URI option that names the broker. */
    static final String DIALECT = "postage.dialect";
    /** The URI option that names RabbitMQ's management API. */
    static final String MANAGEMENT = "postage.management";
    /** The URI option that lists the brokers to fail over to. */
    static final String FAILOVER = "postage.failover";
    /** How long connecting, and each request to the broker, may take. */
    static final int TIMEOUT_MILLIS = 5000;

    /**
     * @param config the configuration
     * @return its endpoint
     * @throws ConfigurationException if a Postage option in the URI is invalid
     */
    static Endpoint of(PostageConfig config) {
        Optional<URI> uri = config.uri();
        if (uri.isEmpty()) {
            return new Endpoint(List.of(config.host() + ":" + config.port()), false, config.vhost(), config.user(),
                    config.password(), Optional.empty(), Optional.empty(), config.sslContext(), Map.of(), config.endpoint(),
                    config.recovery());
        }
        URI given = uri.get();
        boolean tls = given.getScheme().toLowerCase(Locale.ROOT).equals("amqps");
        String host = given.getHost() == null ? "localhost" : given.getHost();
        int port = given.getPort() > 0 ? given.getPort() : tls ? 5671 : 5672;
        String user = config.user();
        String password = config.password();
        if (given.getRawUserInfo() != null) {
            String[] parts = given.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        Map<String, String> options = query(given.getRawQuery());
        List<String> hosts = new ArrayList<>(List.of(host + ":" + port));
        String failover = options.remove(FAILOVER);
        if (failover != null) {
            for (String other : decode(failover).split(",")) {
                if (!other.isBlank()) {
                    hosts.add(other.strip().contains(":") ? other.strip() : other.strip() + ":" + port);
                }
            }
        }
        Optional<String> dialect = Optional.ofNullable(options.remove(DIALECT)).map(Endpoint::decode);
        Optional<URI> management = Optional.ofNullable(options.remove(MANAGEMENT)).map(Endpoint::decode)
                .map(Endpoint::managementUri);
        return new Endpoint(List.copyOf(hosts), tls, vhost(given.getRawPath()), user, password, dialect, management,
                config.sslContext(), Map.copyOf(options), config.endpoint(), config.recovery());
    }

    /** @return where this points, without the password */
    @Override
    public String toString() {
        return display;
    }

    private static String vhost(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        return decode(rawPath.substring(1));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> options = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    options.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
                }
            }
        }
        return options;
    }

    private static URI managementUri(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http URI");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(MANAGEMENT + " must be an http:// or https:// URI such as "
                    + "http://localhost:15672, not \"" + value + "\"");
        }
    }

    /** @return the first broker's host */
    String host() {
        String first = hosts.get(0);
        return first.substring(0, first.lastIndexOf(':'));
    }

    /**
     * The Qpid JMS connection URI: the broker (or {@code failover:(...)} around the brokers), Postage's
     * defaults, the options given, and the virtual host in the form given. Credentials are not in it.
     *
     * @param vhostHostname the AMQP open frame's host name that selects the virtual host, or empty for the
     *     broker's default virtual host
     * @return the URI
     */
    String qpidUri(Optional<String> vhostHostname) {
        Map<String, String> jms = new LinkedHashMap<>();
        jms.put("jms.connectTimeout", Integer.toString(TIMEOUT_MILLIS));
        jms.put("jms.requestTimeout", Integer.toString(TIMEOUT_MILLIS));
        jms.put("jms.closeTimeout", Integer.toString(TIMEOUT_MILLIS));
        // An expiring receive or a zero prefetch makes Qpid JMS send a drain, which crashes RabbitMQ's session.
        jms.put("jms.receiveLocalOnly", "true");
        jms.put("jms.receiveNoWaitLocalOnly", "true");
        // The default, MODIFIED_FAILED_UNDELIVERABLE, makes RabbitMQ close the session.
        jms.put("jms.redeliveryPolicy.outcome", "REJECTED");
        jms.put("jms.validatePropertyNames", "false");
        Map<String, String> perBroker = new LinkedHashMap<>();
        vhostHostname.ifPresent(hostname -> perBroker.put("amqp.vhost", encode(hostname)));
        options.forEach((name, value) -> (name.startsWith("amqp.") || name.startsWith("transport.") ? perBroker : jms)
                .put(name, value));
        String scheme = tls ? "amqps://" : "amqp://";
        if (hosts.size() == 1) {
            jms.putAll(perBroker);
            return scheme + hosts.get(0) + "?" + join(jms);
        }
        jms.putIfAbsent("failover.startupMaxReconnectAttempts", Integer.toString(hosts.size()));
        jms.putIfAbsent("failover.initialReconnectDelay", Long.toString(recovery.initialDelay().toMillis()));
        jms.putIfAbsent("failover.reconnectDelay", Long.toString(recovery.initialDelay().toMillis()));
        jms.putIfAbsent("failover.maxReconnectDelay", Long.toString(recovery.maxDelay().toMillis()));
        jms.putIfAbsent("failover.useReconnectBackOff", "true");
        jms.putIfAbsent("failover.reconnectBackOffMultiplier", "2");
        // Without a bound, a send waits for the connection to come back for ever.
        jms.putIfAbsent("jms.sendTimeout", Long.toString(recovery.operationWait().toMillis()));
        perBroker.forEach((name, value) -> jms.put("failover.nested." + name, value));
        return "failover:(" + String.join(",", hosts.stream().map(host -> scheme + host).toList()) + ")?" + join(jms);
    }

    private static String join(Map<String, String> options) {
        StringBuilder query = new StringBuilder();
        options.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(value));
        return query.toString();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
