package io.lotabots.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: Java's HttpClient refuses what hostile clients
 * send (a {@code %zz} in the path, an invalid URI, a body that is not what its Content-Type says), and
 * those are exactly the requests the server must survive.
 */
public final class RawHttp {

    private static final URI BASE = ApiClient.uri("/");

    private RawHttp() {}

    /** One request: the target is sent as written (not encoded), headers in order, the body as bytes. */
    public static Response send(String method, String target, Map<String, String> headers, byte[] body) {
        var request = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\nHost: ")
                .append(BASE.getHost())
                .append(':')
                .append(BASE.getPort())
                .append("\r\nConnection: close\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.append("\r\n");
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(BASE.getHost(), BASE.getPort()), 5000);
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return Response.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    /** A response: status, headers (names lower-case, every value), and the body decoded as UTF-8. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream()
                    .findFirst();
        }

        /** The media type of Content-Type without its parameters, or "" without one. */
        public String mediaType() {
            return header("Content-Type")
                    .map(v -> v.split(";")[0].strip().toLowerCase(Locale.ROOT))
                    .orElse("");
        }

        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                String name = (colon < 0 ? header : header.substring(0, colon))
                        .strip()
                        .toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : header.substring(colon + 1).strip();
                headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            byte[] body;
            if (headers.getOrDefault("transfer-encoding", List.of()).stream()
                    .anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
                body = chunked(in);
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(
                        Integer.parseInt(headers.get("content-length").get(0)));
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] chunked(InputStream in) throws IOException {
            var body = new ByteArrayOutputStream();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            return body.toByteArray();
        }

        private static int chunkSize(InputStream in) throws IOException {
            String size = line(in).split(";")[0].strip();
            return size.isEmpty() ? 0 : Integer.parseInt(size, 16);
        }

        private static String line(InputStream in) throws IOException {
            var line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    break;
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
