package io.postage.amqp091.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A TCP relay to the broker whose connections a test can cut, as a network failure would. */
final class TcpProxy implements AutoCloseable {
    private final String host;
    private final int port;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

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
                relay(client, broker);
                relay(broker, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // the other side went away
            } finally {
                close(from);
                close(to);
            }
        });
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
