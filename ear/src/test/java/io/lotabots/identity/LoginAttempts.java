package io.lotabots.identity;

import io.lotabots.testsupport.ApiClient;
import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Password logins from a chosen source address (X-Forwarded-For, which the test server trusts from
 * loopback), so each test's address counters are its own.
 */
final class LoginAttempts {

    static final String WRONG_PASSWORD = "not-the-password-at-all";

    private final ApiClient anonymous = new ApiClient();
    private final String address;

    LoginAttempts(String address) {
        this.address = address;
    }

    /** Attempts from a fresh documentation-range IPv6 address that no other test uses. */
    static LoginAttempts fromNewAddress() {
        return new LoginAttempts(newAddress());
    }

    static String newAddress() {
        String random = UUID.randomUUID().toString().replace("-", "");
        return "2001:db8:" + random.substring(0, 4) + ":" + random.substring(4, 8) + "::" + random.substring(8, 12);
    }

    String address() {
        return address;
    }

    HttpResponse<String> login(String tenant, String username, String password) {
        var body = Json.createObjectBuilder()
                .add("tenant", tenant)
                .add("username", username)
                .add("password", password)
                .build();
        return post(body.toString());
    }

    /** The same login sent to another server of the cluster ({@code base}: its root URL). */
    HttpResponse<String> loginAt(String base, String tenant, String username, String password) {
        var body = Json.createObjectBuilder()
                .add("tenant", tenant)
                .add("username", username)
                .add("password", password)
                .build();
        return post(base + "/api/v1/auth/login", body.toString());
    }

    /** A login request with this JSON body, whatever it holds. */
    HttpResponse<String> post(String body) {
        return post("/api/v1/auth/login", body);
    }

    private HttpResponse<String> post(String url, String body) {
        return anonymous.send(HttpRequest.newBuilder(ApiClient.uri(url))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A login and how long its answer took. */
    Timed timed(String tenant, String username, String password) {
        long start = System.nanoTime();
        var response = login(tenant, username, password);
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    record Timed(HttpResponse<String> response, Duration took) {}
}
