package io.postage.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
@PostageBroker(BrokerKind.EMBEDDED)
class AmqpProbeTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @Test
    void rabbitMqIsRecognisedByTheProductItsConnectionStartNames() throws Exception {
        try (FakeServer server = new FakeServer(connectionStart("RabbitMQ", "3.10.8"))) {
            assertThat(AmqpProbe.probe(server.uri(), TIMEOUT)).isEqualTo(Reachability.rabbitMq("3.10.8"));
        }
    }

    @Test
    void anotherAmqpBrokerIsNamedAndRefused(BrokerInfo embedded) {
        Reachability reachability = AmqpProbe.probe(URI.create(embedded.uri091()), TIMEOUT);

        assertThat(reachability.rabbitMq()).isFalse();
        assertThat(reachability.detail()).contains("Qpid Broker-J").endsWith(" answers there, not RabbitMQ");
    }

    @Test
    void aClosedPortIsRefused() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        assertThat(AmqpProbe.probe(URI.create("amqp://guest:guest@127.0.0.1:" + closed + "/%2F"), TIMEOUT))
                .isEqualTo(Reachability.none("connection refused"));
    }

    @Test
    void aServerThatSaysNothingTimesOut() throws Exception {
        try (FakeServer server = new FakeServer(null)) {
            assertThat(AmqpProbe.probe(server.uri(), TIMEOUT)).isEqualTo(Reachability.none("no answer within 300 ms"));
        }
    }

    @Test
    void aServerThatSpeaksAnotherProtocolIsNotTakenForABroker() throws Exception {
        try (FakeServer server = new FakeServer("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII))) {
            assertThat(AmqpProbe.probe(server.uri(), TIMEOUT))
                    .isEqualTo(Reachability.none("the server there does not speak AMQP 0-9-1"));
        }
    }

    @Test
    void aServerThatHangsUpIsNotTakenForABroker() throws Exception {
        try (FakeServer server = new FakeServer(new byte[0])) {
            assertThat(AmqpProbe.probe(server.uri(), TIMEOUT))
                    .isEqualTo(Reachability.none("the connection closed during the AMQP handshake"));
        }
    }

    /** A connection.start method frame as RabbitMQ sends it, capabilities table included. */
    private static byte[] connectionStart(String product, String version) throws IOException {
        ByteArrayOutputStream capabilities = new ByteArrayOutputStream();
        DataOutputStream table = new DataOutputStream(capabilities);
        shortString(table, "publisher_confirms");
        table.writeByte('t');
        table.writeByte(1);
        ByteArrayOutputStream properties = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(properties);
        shortString(out, "capabilities");
        out.writeByte('F');
        out.writeInt(capabilities.size());
        capabilities.writeTo(out);
        for (String[] entry : new String[][] {{"product", product}, {"version", version}}) {
            shortString(out, entry[0]);
            out.writeByte('S');
            longString(out, entry[1]);
        }
        ByteArrayOutputStream method = new ByteArrayOutputStream();
        DataOutputStream payload = new DataOutputStream(method);
        payload.writeShort(10);
        payload.writeShort(10);
        payload.writeByte(0);
        payload.writeByte(9);
        payload.writeInt(properties.size());
        properties.writeTo(payload);
        longString(payload, "PLAIN AMQPLAIN");
        longString(payload, "en_US");
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        DataOutputStream framed = new DataOutputStream(frame);
        framed.writeByte(1);
        framed.writeShort(0);
        framed.writeInt(method.size());
        method.writeTo(framed);
        framed.writeByte(0xCE);
        return frame.toByteArray();
    }

    private static void shortString(DataOutputStream out, String value) throws IOException {
        out.writeByte(value.length());
        out.write(value.getBytes(StandardCharsets.UTF_8));
    }

    private static void longString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Accepts one connection, reads the protocol header, answers with the bytes given (null: stays silent). */
    private static final class FakeServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());

        FakeServer(byte[] answer) throws IOException {
            Thread.ofVirtual().start(() -> {
                try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
                    in.readNBytes(8);
                    if (answer == null) {
                        in.read(); // until the probe gives up
                        return;
                    }
                    client.getOutputStream().write(answer);
                    client.shutdownOutput();
                    in.read();
                } catch (IOException closedWithTheTest) {
                    // the test is over
                }
            });
        }

        URI uri() {
            return URI.create("amqp://guest:guest@127.0.0.1:" + server.getLocalPort() + "/%2F");
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
