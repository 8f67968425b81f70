package io.lotabots.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The discovery document names URLs of the configured public address (here the issuer,
 * {@code https://lotabots.local}), whatever Host and X-Forwarded-* headers a request brings: it is
 * cacheable, so one poisoned answer would otherwise send every client's key lookups elsewhere
 * (issue 23, item 5). Requests are written on a plain socket, as the JDK's HTTP client sets Host itself.
 */
class DiscoveryDocumentIT {

    private static final String PATH = "/.well-known/openid-configuration";
    private static final int PORT = Integer.getInteger("it.http.port", 9080);
    private static final String ISSUER = "https://lotabots.local";

    @Test
    void endpointUrlsStartWithTheConfiguredPublicAddress() {
        var metadata = ApiClient.json(new ApiClient().get(PATH));

        assertEquals(ISSUER, metadata.getString("issuer"));
        assertEquals(ISSUER + "/.well-known/jwks.json", metadata.getString("jwks_uri"));
        for (String endpoint :
                List.of("token_endpoint", "password_login_endpoint", "refresh_endpoint", "end_session_endpoint")) {
            assertTrue(metadata.getString(endpoint).startsWith(ISSUER + "/api/v1/auth/"), endpoint);
        }
    }

    @Test
    void hostAndForwardedHeadersChangeNothing() throws IOException {
        Answer plain = get("Host: localhost:" + PORT);

        for (List<String> headers : List.of(
                List.of("Host: attacker.example"),
                List.of("Host: localhost:" + PORT, "X-Forwarded-Host: attacker.example"),
                List.of("Host: localhost:" + PORT, "X-Forwarded-Proto: http", "X-Forwarded-Port: 8081"),
                List.of(
                        "Host: attacker.example:8443",
                        "X-Forwarded-Host: attacker.example",
                        "X-Forwarded-Proto: http",
                        "Forwarded: host=attacker.example;proto=http"))) {
            Answer poisoned = get(headers.toArray(String[]::new));

            assertEquals(200, poisoned.status(), headers.toString());
            assertEquals(plain.json(), poisoned.json(), headers.toString());
            assertFalse(poisoned.body().contains("attacker"), poisoned.body());
        }
    }

    @Test
    void theCacheableAnswerDoesNotVaryByRequestHeaders() throws IOException {
        Answer answer = get("Host: localhost:" + PORT);

        assertTrue(answer.head().contains("cache-control: public, max-age=300"), answer.head());
        for (String line : answer.head().split("\r\n")) {
            if (line.startsWith("vary:")) {
                for (String header : List.of("host", "x-forwarded", "forwarded", "*")) {
                    assertFalse(line.contains(header), line);
                }
            }
        }
    }

    private record Answer(int status, String head, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    /** One HTTP/1.0 GET of the document with exactly these headers; the server closes after the body. */
    private static Answer get(String... headers) throws IOException {
        try (var socket = new Socket("localhost", PORT)) {
            socket.setSoTimeout(30_000);
            String request =
                    "GET " + PATH + " HTTP/1.0\r\n" + String.join("\r\n", headers) + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String head = response.substring(0, end).toLowerCase(Locale.ROOT);
            int status = Integer.parseInt(head.split(" ")[1]);
            return new Answer(status, head, response.substring(end + 4));
        }
    }
}
