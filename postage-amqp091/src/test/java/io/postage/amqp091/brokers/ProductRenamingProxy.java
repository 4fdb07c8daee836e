package io.postage.amqp091.brokers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a broker that renames the {@code product} server property of its
 * {@code connection.start} (same length, so the frame stays valid): the transport then meets a broker
 * it does not know.
 */
final class ProductRenamingProxy implements AutoCloseable {
    private static final int FRAME_HEADER = 7;

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final byte[] key = "productS".getBytes(StandardCharsets.US_ASCII);
    private final byte[] renamed;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /**
     * @param host the broker's host
     * @param port the broker's port
     * @param renamed what the client sees as product, as long as the broker's own product name
     * @throws IOException if no loopback port is free
     */
    ProductRenamingProxy(String host, int port, String renamed) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.host = host;
        this.port = port;
        this.renamed = renamed.getBytes(StandardCharsets.US_ASCII);
        Thread.ofVirtual().start(this::accept);
    }

    /** @return the loopback port to connect to */
    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        try {
            while (true) {
                Socket client = server.accept();
                Socket broker = new Socket(host, port);
                sockets.add(client);
                sockets.add(broker);
                Thread.ofVirtual().start(() -> pipe(client, broker, false));
                Thread.ofVirtual().start(() -> pipe(broker, client, true));
            }
        } catch (IOException closed) {
            // The proxy is closed.
        }
    }

    private void pipe(Socket from, Socket to, boolean rename) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            if (rename) {
                // The client's protocol header goes first; the broker's first frame is connection.start.
                byte[] header = in.readNBytes(FRAME_HEADER);
                int size = ((header[3] & 0xff) << 24) | ((header[4] & 0xff) << 16) | ((header[5] & 0xff) << 8)
                        | (header[6] & 0xff);
                byte[] payload = in.readNBytes(size + 1);
                rename(payload);
                out.write(header);
                out.write(payload);
                out.flush();
            }
            in.transferTo(out);
        } catch (IOException closed) {
            // One side went away.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Finds {@code "product" 'S' <length> <value>} and replaces the value. */
    private void rename(byte[] payload) {
        for (int i = 0; i + key.length + 4 <= payload.length; i++) {
            if (Arrays.equals(payload, i, i + key.length, key, 0, key.length)) {
                int value = i + key.length + 4;
                if (payload[value - 1] != renamed.length || payload[value - 2] != 0) {
                    throw new IllegalStateException("The broker's product name is not " + renamed.length + " bytes long");
                }
                System.arraycopy(renamed, 0, payload, value, renamed.length);
                return;
            }
        }
        throw new IllegalStateException("No product server property in the broker's first frame");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(ProductRenamingProxy::closeQuietly);
    }
}
