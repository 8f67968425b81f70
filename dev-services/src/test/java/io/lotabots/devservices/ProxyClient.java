package io.lotabots.devservices;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A test client connection through a proxy port that says whether the other side still answers. */
final class ProxyClient implements AutoCloseable {

    private final Socket socket;

    ProxyClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000); // only bounds a failing test; passing ones never wait this long
    }

    /** Sends the text and returns as many bytes of reply as were sent. */
    String exchange(String text) throws IOException {
        byte[] request = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(request);
        byte[] reply = socket.getInputStream().readNBytes(request.length);
        return new String(reply, StandardCharsets.UTF_8);
    }

    /** Blocks until the connection ends: end of stream or reset. A timeout means it stayed open. */
    boolean endsWithoutAnswer() throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
