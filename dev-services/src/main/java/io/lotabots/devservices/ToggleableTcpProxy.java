package io.lotabots.devservices;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a free loopback port in front of one upstream, which integration tests switch off to
 * make the upstream look dead to the server without touching the real service. All its threads are daemons.
 */
final class ToggleableTcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final String name;
    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final Set<ForwardedConnection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean up = true;

    private ToggleableTcpProxy(String name, InetSocketAddress upstream, ServerSocket listener) {
        this.name = name;
        this.upstream = upstream;
        this.listener = listener;
        this.acceptor = DaemonThreads.named("chaos-proxy-" + name + "-accept", this::acceptConnections);
    }

    /** Listens on a free 127.0.0.1 port and forwards every connection to {@code upstream}. */
    static ToggleableTcpProxy start(String name, InetSocketAddress upstream) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName(LocalPorts.LOOPBACK));
        ToggleableTcpProxy proxy = new ToggleableTcpProxy(name, upstream, listener);
        proxy.acceptor.start();
        return proxy;
    }

    int port() {
        return listener.getLocalPort();
    }

    boolean isUp() {
        return up;
    }

    /** Closes every connection through the proxy; new ones are closed as soon as they are accepted. */
    void down() {
        up = false;
        open.forEach(ForwardedConnection::close);
    }

    /** Forwards new connections again. */
    void up() {
        up = true;
    }

    /** Returns once the port is released: not before the accepting thread has left {@code accept()}. */
    @Override
    public void close() throws IOException {
        listener.close();
        down();
        try {
            // JDK 17 defers the socket's final close while another thread blocks in accept(): the port
            // keeps taking connections until that thread has seen the close.
            acceptor.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("closing proxy " + name);
        }
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                DaemonThreads.named("chaos-proxy-" + name + "-connect", () -> forward(client))
                        .start();
            } catch (IOException closedOrFailed) {
                // closed: the loop ends; anything else: keep accepting
            }
        }
    }

    private void forward(Socket client) {
        if (!up) {
            ForwardedConnection.closeQuietly(client);
            return;
        }
        Socket server = new Socket();
        try {
            server.connect(upstream, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException unreachable) {
            ForwardedConnection.closeQuietly(client, server);
            return;
        }
        ForwardedConnection connection = new ForwardedConnection(client, server, open::remove);
        open.add(connection);
        if (!up) { // down() may have run between the check above and add(): it has not seen this one
            connection.close();
            return;
        }
        connection.start("chaos-proxy-" + name);
    }
}
