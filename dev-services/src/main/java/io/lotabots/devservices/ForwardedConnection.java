package io.lotabots.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** One client connection spliced to its upstream connection, one daemon thread per direction. */
final class ForwardedConnection {

    private final Socket client;
    private final Socket server;
    private final Consumer<ForwardedConnection> onClosed;
    private final AtomicInteger directionsFinished = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    ForwardedConnection(Socket client, Socket server, Consumer<ForwardedConnection> onClosed) {
        this.client = client;
        this.server = server;
        this.onClosed = onClosed;
    }

    void start(String threadName) {
        DaemonThreads.named(threadName + "-up", () -> pump(client, server)).start();
        DaemonThreads.named(threadName + "-down", () -> pump(server, client)).start();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(client, server);
            onClosed.accept(this);
        }
    }

    /** Copies until end of stream, then passes the half-close on, so request-then-shutdown clients still work. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
            }
            to.shutdownOutput();
        } catch (IOException broken) {
            close();
        } finally {
            if (directionsFinished.incrementAndGet() == 2) {
                close();
            }
        }
    }

    static void closeQuietly(Socket... sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }
}
