package io.postage.testkit.junit;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * Asks an address whether RabbitMQ answers there, the cheap way: it opens a TCP connection, sends
 * the AMQP 0-9-1 protocol header and reads the broker's {@code connection.start}, whose server
 * properties name the product. It logs in nowhere and hangs up right after.
 */
final class AmqpProbe {
    private static final byte[] PROTOCOL_HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};
    private static final int FRAME_METHOD = 1;
    private static final int MAX_START_FRAME = 64 * 1024;

    private AmqpProbe() {
    }

    /**
     * @param uri an {@code amqp://} or {@code amqps://} URI
     * @param timeout how long connecting, and then reading the answer, may take each
     * @return whether RabbitMQ answered, with its version, or why not
     */
    static Reachability probe(URI uri, Duration timeout) {
        boolean tls = "amqps".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 5671 : 5672;
        int millis = Math.toIntExact(timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            Socket stream = tls
                    ? ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, host, port, true)
                    : socket;
            stream.getOutputStream().write(PROTOCOL_HEADER);
            return identify(new DataInputStream(stream.getInputStream()));
        } catch (ConnectException e) {
            return Reachability.none("connection refused");
        } catch (SocketTimeoutException e) {
            return Reachability.none("no answer within " + millis + " ms");
        } catch (UnknownHostException e) {
            return Reachability.none("unknown host " + host);
        } catch (EOFException e) {
            return Reachability.none("the connection closed during the AMQP handshake");
        } catch (IOException e) {
            return Reachability.none(e.toString());
        }
    }

    private static Reachability identify(DataInputStream in) throws IOException {
        byte[] header = new byte[7];
        in.readFully(header);
        int size = ByteBuffer.wrap(header, 3, 4).getInt();
        if (header[0] != FRAME_METHOD || size < 0 || size > MAX_START_FRAME) {
            return Reachability.none("the server there does not speak AMQP 0-9-1");
        }
        byte[] start = new byte[size];
        in.readFully(start);
        Optional<String> product = serverProperty(start, "product");
        if (product.filter(name -> name.contains(BrokerInfo.RABBITMQ)).isPresent()) {
            return Reachability.rabbitMq(serverProperty(start, "version").orElse("(version unknown)"));
        }
        return Reachability.none(product.orElse("an AMQP broker that does not name itself")
                + " answers there, not RabbitMQ");
    }

    /** Finds a long-string entry of the server-properties table: its short-string name, 'S', a length, UTF-8. */
    private static Optional<String> serverProperty(byte[] start, String name) {
        byte[] key = ("\0" + name + "S").getBytes(StandardCharsets.US_ASCII);
        key[0] = (byte) name.length();
        for (int i = 0; i + key.length + 4 <= start.length; i++) {
            if (Arrays.equals(start, i, i + key.length, key, 0, key.length)) {
                int length = ByteBuffer.wrap(start, i + key.length, 4).getInt();
                int from = i + key.length + 4;
                if (length >= 0 && from + length <= start.length) {
                    return Optional.of(new String(start, from, length, StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }
}
