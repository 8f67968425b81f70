package io.lotabots.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Publishes one Redis pub/sub message as another server of the cluster would, to the Redis the test server
 * uses ({@code lotabots.redis.url} of the dev-services report), in the server's key namespace; speaks the
 * Redis protocol itself, so the tests need no Redis client.
 */
public final class RedisPublisher {

    private final URI redis = URI.create(new DevServicesReport().get("lotabots.redis.url"));
    private final String namespace = System.getProperty("it.database", "lotabots_it");

    /** The channel {@code namespace:parts…}, as the server names its keys. */
    public String channel(String... parts) {
        return namespace + ":" + String.join(":", parts);
    }

    /** Publishes and returns how many subscribers received the message. */
    public long publish(String channel, String message) {
        try (var socket = new Socket(redis.getHost(), redis.getPort())) {
            socket.setSoTimeout(5000);
            var out = new ByteArrayOutputStream();
            write(out, "*3\r\n");
            for (String argument : new String[] {"PUBLISH", channel, message}) {
                byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
                write(out, "$" + bytes.length + "\r\n");
                out.write(bytes);
                write(out, "\r\n");
            }
            socket.getOutputStream().write(out.toByteArray());
            String reply = line(socket.getInputStream());
            if (!reply.startsWith(":")) {
                throw new IllegalStateException("Redis answered PUBLISH with " + reply);
            }
            return Long.parseLong(reply.substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String line(InputStream in) throws IOException {
        var line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
