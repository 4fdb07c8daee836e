package io.postage.demos;

import io.postage.testkit.broker.EmbeddedBroker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * The broker a demo uses when none is named: whatever answers on 127.0.0.1:5672 (a local RabbitMQ,
 * or an embedded broker another demo or {@code ./postage-demo broker} started), else an embedded
 * Qpid Broker-J started in this process on that port.
 */
final class DemoBroker {
    static final int DEFAULT_PORT = 5672;
    static final String DEFAULT_URI = "amqp://guest:guest@127.0.0.1:" + DEFAULT_PORT + "/%2F";

    private DemoBroker() {
    }

    /** @return the broker started here, or empty if one already answers on the default port */
    static Optional<EmbeddedBroker> startUnlessOneAnswers() {
        return answers() ? Optional.empty() : Optional.of(EmbeddedBroker.start(DEFAULT_PORT));
    }

    private static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", DEFAULT_PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
