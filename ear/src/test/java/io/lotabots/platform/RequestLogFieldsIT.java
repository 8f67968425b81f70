package io.lotabots.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.ServerLog;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Every log line a request's thread writes carries the request's id (the caller's X-Request-Id, or a
 * new one, answered back) and the caller's tenant, in Liberty's JSON log; no name or address.
 */
class RequestLogFieldsIT {

    private static final TestTenant TENANT = TestTenant.create("logfields");
    /** The brute-force threshold of the test server (the default). */
    private static final int LOCK_AFTER = 10;

    @Test
    void theCallersRequestIdIsKeptAndAnsweredBack() {
        String id = "it-" + UUID.randomUUID();

        var answer = send(
                HttpRequest.newBuilder(ApiClient.uri("/api/v1/attestations")).header("X-Request-Id", id));

        assertEquals(401, answer.statusCode());
        assertEquals(id, answer.headers().firstValue("X-Request-Id").orElse(""));
    }

    @Test
    void theConsoleAnswersWithTheRequestIdToo() {
        String id = "it-console-" + UUID.randomUUID();

        var answer = send(HttpRequest.newBuilder(ApiClient.uri("/admin/")).header("X-Request-Id", id));

        assertEquals(200, answer.statusCode());
        assertEquals(id, answer.headers().firstValue("X-Request-Id").orElse(""));
    }

    @Test
    void aMissingOrUnusableIdIsReplacedByANewOne() {
        var without = send(HttpRequest.newBuilder(ApiClient.uri("/api/v1/attestations")));
        var unusable = send(HttpRequest.newBuilder(ApiClient.uri("/api/v1/attestations"))
                .header("X-Request-Id", "<script>alert(1)</script>"));
        var again = send(HttpRequest.newBuilder(ApiClient.uri("/api/v1/attestations")));

        for (var answer : List.of(without, unusable, again)) {
            String id = answer.headers().firstValue("X-Request-Id").orElse("");
            assertEquals(id, UUID.fromString(id).toString(), "a new UUID: " + id);
        }
        assertNotEquals(
                without.headers().firstValue("X-Request-Id"),
                again.headers().firstValue("X-Request-Id"),
                "one per request");
    }

    @Test
    void anAuthenticatedRequestsLinesCarryItsIdAndTenantButNoName() {
        TestUser user = TENANT.userWithRoles("DEVELOPER");
        var self = user.login();
        String run = "it-lock-" + UUID.randomUUID();
        String address = randomAddress();

        // wrong current passwords count like failed logins: the last one locks the account and says so in the log
        for (int i = 1; i <= LOCK_AFTER; i++) {
            var answer =
                    self.send(HttpRequest.newBuilder(ApiClient.uri("/api/v1/identity/users/" + user.id() + "/password"))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", address)
                            .header("X-Request-Id", run + "-" + i)
                            .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                    .add("password", TestTenant.newPassword())
                                    .add("currentPassword", "a wrong guess " + i)
                                    .build()
                                    .toString())));
            assertEquals(403, answer.statusCode(), answer.body());
        }

        JsonObject lockout = lockoutLine(run);
        assertTrue(lockout.getString("ext_requestId").startsWith(run + "-"), lockout.toString());
        assertEquals(TENANT.id().toString(), lockout.getString("ext_tenant", ""), lockout.toString());
        assertFalse(lockout.toString().contains(user.username()), "no username: " + lockout);
        assertFalse(lockout.toString().contains(address), "no address: " + lockout);
    }

    @Test
    void anAnonymousRequestsLinesCarryItsIdAndNoTenant() {
        TestUser user = TENANT.userWithRoles("AUDITOR");
        String run = "it-login-" + UUID.randomUUID();
        String address = randomAddress();

        for (int i = 1; i <= LOCK_AFTER; i++) {
            var answer = send(HttpRequest.newBuilder(ApiClient.uri("/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", address)
                    .header("X-Request-Id", run + "-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                            .add("tenant", TENANT.name())
                            .add("username", user.username())
                            .add("password", "a wrong guess " + i)
                            .build()
                            .toString())));
            assertEquals(401, answer.statusCode(), answer.body());
        }

        JsonObject lockout = lockoutLine(run);
        assertFalse(lockout.containsKey("ext_tenant"), "no caller, no tenant: " + lockout);
        assertFalse(lockout.toString().contains(user.username()), "no username: " + lockout);
    }

    private static JsonObject lockoutLine(String run) {
        var lines = Eventually.await(
                Duration.ofSeconds(15),
                () -> ServerLog.recordsContaining("\"ext_requestId\":\"" + run + "-"),
                found -> found.stream().anyMatch(r -> r.getString("message", "").startsWith("Locked an account")),
                "the lockout's log line with the request's id");
        return lines.stream()
                .filter(r -> r.getString("message", "").startsWith("Locked an account"))
                .findFirst()
                .orElseThrow();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return new ApiClient().send(request);
    }

    private static String randomAddress() {
        var random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(100, 200) + "." + random.nextInt(1, 250);
    }
}
