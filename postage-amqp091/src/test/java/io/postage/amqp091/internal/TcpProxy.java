package io.postage.amqp091.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay to the broker whose connections a test can cut, as a network failure would, and whose
 * answers from the broker it can hold back, as a stalled broker or network would.
 */
final class TcpProxy implements AutoCloseable {
    private final String host;
    private final int port;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean holding;

    TcpProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("tcp-proxy").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket(host, port);
                sockets.add(client);
                sockets.add(broker);
                relay(client, broker, false);
                relay(broker, client, true);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to, boolean fromBroker) {
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int read = from.getInputStream().read(buffer); read >= 0; read = from.getInputStream().read(buffer)) {
                    while (fromBroker && holding && !from.isClosed()) {
                        Thread.sleep(10);
                    }
                    to.getOutputStream().write(buffer, 0, read);
                }
            } catch (IOException e) {
                // the other side went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close(from);
                close(to);
            }
        });
    }

    /** @param hold whether what the broker sends is held back (from now on) instead of relayed */
    void holdBrokerAnswers(boolean hold) {
        this.holding = hold;
    }

    /** Cuts every connection relayed so far; new ones are still accepted. */
    void dropConnections() {
        for (Socket socket : sockets) {
            close(socket);
            sockets.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }
}
