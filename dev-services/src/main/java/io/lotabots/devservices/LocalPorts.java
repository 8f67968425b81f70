package io.lotabots.devservices;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Finds out which loopback ports answer or are free. */
final class LocalPorts {

    static final String LOOPBACK = "127.0.0.1";

    private LocalPorts() {}

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The preferred port if nothing uses it, so URLs stay the same from run to run; any free port otherwise. */
    static int preferredOrFree(int preferred) throws IOException {
        if (!accepts(preferred)) {
            try (ServerSocket probe = new ServerSocket(preferred, 1, InetAddress.getByName(LOOPBACK))) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // fall through to any free port
            }
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return probe.getLocalPort();
        }
    }

    /** Polls until the port answers; fails early once {@code alive} says the server has given up. */
    static void awaitAccepting(int port, Duration timeout, BooleanSupplier alive, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!accepts(port)) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(what + " exited before it answered on port " + port);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not answer on port " + port + " within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
