package io.lotabots.attestation;

import io.lotabots.testsupport.DevServicesReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

/** Reads a nonce's Redis key the way the server wrote it (one GET over RESP), to see whether it was consumed. */
final class NonceKeys {

    private NonceKeys() {}

    /** The key's value: the expiry in ms while unused, "used" once consumed, null if absent. */
    static String value(UUID tenantId, byte[] nonce) {
        var redis = URI.create(new DevServicesReport().get("lotabots.redis.url"));
        String key = System.getProperty("it.database", "lotabots") + ":attestation-nonce:" + tenantId + ":"
                + HexFormat.of().formatHex(nonce);
        try (var socket = new Socket(redis.getHost(), redis.getPort())) {
            String command = "*2\r\n$3\r\nGET\r\n$" + key.length() + "\r\n" + key + "\r\n";
            socket.getOutputStream().write(command.getBytes(StandardCharsets.US_ASCII));
            var in = socket.getInputStream();
            String header = line(in);
            if (header.equals("$-1")) {
                return null;
            }
            int length = Integer.parseInt(header.substring(1));
            return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(java.io.InputStream in) throws IOException {
        var text = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            text.append((char) c);
        }
        in.read();
        return text.toString();
    }
}
