package io.lotabots.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in upstream for proxy tests: answers every chunk it receives with the same text in upper case. */
final class UppercasingServer implements AutoCloseable {

    private final ServerSocket listener;
    private final AtomicInteger accepted = new AtomicInteger();

    UppercasingServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DaemonThreads.named("uppercasing-accept", this::accept).start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    int acceptedConnections() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                accepted.incrementAndGet();
                DaemonThreads.named("uppercasing", () -> answer(socket)).start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answer(Socket socket) {
        try (socket;
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(new String(buffer, 0, read, StandardCharsets.US_ASCII)
                        .toUpperCase(Locale.ROOT)
                        .getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException gone) {
            // the proxy cut the connection; that is what the tests do
        }
    }
}
