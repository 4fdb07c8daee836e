package io.postage.amqp10.internal;

import io.postage.ConnectionException;
import io.postage.TransportException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * RabbitMQ's HTTP management API ({@code rabbitmq_management}), through which the AMQP 1.0 transport
 * declares what AMQP 1.0 cannot: queues, exchanges and bindings. Same credentials and virtual host as the
 * AMQP connection; the JDK's HTTP client; short timeouts, so that a missing plugin fails at once.
 */
final class RabbitManagement implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RabbitManagement.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** How many times a request is sent before the API counts as not answering. */
    private static final int SEND_ATTEMPTS = 3;
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(Endpoint.TIMEOUT_MILLIS);
    private static final String ENABLE = "rabbitmq-plugins enable rabbitmq_management";

    private final HttpClient.Builder clients;
    private volatile HttpClient client;
    private final URI base;
    private final String vhost;
    private final String authorization;

    private RabbitManagement(HttpClient.Builder clients, URI base, String vhost, String user, String password) {
        this.clients = clients;
        this.client = clients.build();
        this.base = base;
        this.vhost = segment(vhost);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Connects and checks that the API answers for the virtual host.
     *
     * @param endpoint the AMQP endpoint, whose host, credentials and virtual host the API shares
     * @return the management API
     * @throws ConnectionException in one sentence naming what to enable or fix, if the API does not answer
     */
    static RabbitManagement connect(Endpoint endpoint) {
        URI base = endpoint.management().orElseGet(() -> URI.create((endpoint.tls() ? "https://" : "http://")
                + hostForUri(endpoint.host()) + (endpoint.tls() ? ":15671" : ":15672")));
        // HTTP/1.1: the API needs nothing more, and a connection the broker's restart killed is then one of a pool.
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1);
        endpoint.sslContext().ifPresent(builder::sslContext);
        RabbitManagement management = new RabbitManagement(builder, base, endpoint.vhost(), endpoint.user(),
                endpoint.password());
        String unusable = "Cannot use RabbitMQ's management API at " + base + " (";
        String needed = "), which the AMQP 1.0 transport needs to declare queues and bindings";
        try {
            HttpResponse<String> answer = management.send(management.client,
                    HttpRequest.newBuilder(management.uri("/api/vhosts/{vhost}")).GET());
            switch (answer.statusCode()) {
                case 200 -> {
                    return management;
                }
                case 401 -> throw new ConnectionException(unusable + "access refused" + needed + ": give user '"
                        + endpoint.user() + "' the management tag, or name another API with " + Endpoint.MANAGEMENT, null);
                case 404 -> throw new ConnectionException(unusable + "no vhost '" + endpoint.vhost() + "' there" + needed
                        + ": check " + Endpoint.MANAGEMENT, null);
                default -> throw new ConnectionException(unusable + "HTTP " + answer.statusCode() + needed
                        + "; enable it with `" + ENABLE + "`", null);
            }
        } catch (IOException e) {
            management.close();
            throw new ConnectionException(unusable + reason(e) + needed + "; enable it with `" + ENABLE
                    + "` or name it with the URI option " + Endpoint.MANAGEMENT, e);
        } catch (RuntimeException e) {
            management.close();
            throw e;
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String reason(IOException failure) {
        return switch (failure) {
            case ConnectException refused -> "connection refused";
            case HttpConnectTimeoutException timeout -> "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
            case HttpTimeoutException timeout -> "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
            default -> failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        };
    }

    /**
     * @param name a queue, exchange or virtual host name, or a binding's properties key
     * @return it encoded as one segment of an API path
     */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * @param path the path, such as {@code /api/queues/{vhost}/jobs}, whose {@code {vhost}} becomes the
     *     encoded virtual host
     * @return the answer's status code and body
     * @throws TransportException if the API cannot be reached
     */
    HttpResponse<String> get(String path) {
        return call(HttpRequest.newBuilder(uri(path)).GET());
    }

    /**
     * @param path the path, with {@code {vhost}}
     * @param json the body
     * @return the answer
     * @throws TransportException if the API cannot be reached
     */
    HttpResponse<String> put(String path, String json) {
        return call(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    /**
     * @param path the path, with {@code {vhost}}
     * @param json the body
     * @return the answer
     * @throws TransportException if the API cannot be reached
     */
    HttpResponse<String> post(String path, String json) {
        return call(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    /**
     * @param path the path, with {@code {vhost}}
     * @return the answer
     * @throws TransportException if the API cannot be reached
     */
    HttpResponse<String> delete(String path) {
        return call(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /**
     * @param answer an answer that is not a success
     * @return the API's reason, such as {@code bad_request - inequivalent arg 'durable' ...}
     */
    static String reason(HttpResponse<String> answer) {
        String body = answer.body() == null ? "" : answer.body();
        String error = Json.stringField(body, "error").orElse("HTTP " + answer.statusCode());
        return Json.stringField(body, "reason").map(reason -> error + " - " + reason).orElse(error);
    }

    /**
     * @param answer an answer
     * @return whether it is a 2xx success
     */
    static boolean ok(HttpResponse<String> answer) {
        return answer.statusCode() / 100 == 2;
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        for (int attempt = 1;; attempt++) {
            HttpClient used = client;
            try {
                return send(used, request);
            } catch (IOException e) {
                // Kept-alive HTTP connections the broker closed (a restart) fail; the calls are idempotent, so
                // the request goes again with a new client, that is on new connections.
                renew(used);
                if (attempt == SEND_ATTEMPTS) {
                    throw new TransportException("RabbitMQ's management API at " + base + " does not answer ("
                            + reason(e) + ")", e);
                }
                LOG.log(Level.DEBUG, "RabbitMQ's management API failed ({0}); trying again", reason(e));
            }
        }
    }

    /** Replaces the client that failed, unless another thread did already; the old one finishes its requests. */
    private synchronized void renew(HttpClient failed) {
        if (client == failed) {
            client = clients.build();
            failed.shutdown();
        }
    }

    private HttpResponse<String> send(HttpClient used, HttpRequest.Builder request) throws IOException {
        try {
            return used.send(request.timeout(REQUEST_TIMEOUT).setHeader("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while calling RabbitMQ's management API", e);
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path.replace("{vhost}", vhost));
    }

    /** Closes the HTTP client; idempotent. */
    @Override
    public void close() {
        client.close();
    }
}
