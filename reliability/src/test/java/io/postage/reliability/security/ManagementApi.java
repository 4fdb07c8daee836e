package io.postage.reliability.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The few calls of RabbitMQ's HTTP management API the vhost test needs: create, grant, look up, delete. */
final class ManagementApi implements AutoCloseable {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final String authorization;

    /**
     * @param base the API's address, such as {@code http://localhost:15672}
     * @param user an administrator
     * @param password its password
     */
    ManagementApi(URI base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates a virtual host and gives a user every permission in it.
     *
     * @param vhost the virtual host
     * @param user the user
     */
    void createVhostFor(String vhost, String user) throws IOException, InterruptedException {
        expect(send("PUT", "/api/vhosts/" + segment(vhost), "{}"), 201, 204);
        expect(send("PUT", "/api/permissions/" + segment(vhost) + "/" + segment(user),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"), 201, 204);
    }

    /** @param vhost a virtual host to delete, with everything in it */
    void deleteVhost(String vhost) throws IOException, InterruptedException {
        expect(send("DELETE", "/api/vhosts/" + segment(vhost), null), 204, 404);
    }

    /**
     * @param vhost the virtual host
     * @param queue the queue
     * @return whether the queue exists there
     */
    boolean queueExists(String vhost, String queue) throws IOException, InterruptedException {
        return expect(send("GET", "/api/queues/" + segment(vhost) + "/" + segment(queue), null), 200, 404) == 200;
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return status;
            }
        }
        throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + ": " + response.body());
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        client.close();
    }
}
