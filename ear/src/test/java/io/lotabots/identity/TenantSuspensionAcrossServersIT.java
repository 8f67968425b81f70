package io.lotabots.identity;

import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.SecondServer;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant suspended on one server is stopped on every server within a second: its users' and its
 * API keys' access tokens, its refresh tokens, logins and key exchanges. The suspension reuses the
 * logout's Redis stream, so the second server learns it the way it learns a logout.
 */
class TenantSuspensionAcrossServersIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final String PROTECTED = "/api/v1/attestations/" + UUID.randomUUID();

    private static SecondServer second;

    @BeforeAll
    static void startSecondServer() {
        second = SecondServer.start();
    }

    @AfterAll
    static void stopSecondServer() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void everyTokenOfASuspendedTenantIsRefusedByTheOtherServerWithinOneSecond() {
        var tenant = TestTenant.createdByOperator("suspend-cluster");
        var user = tenant.userWithRoles("OPERATOR");
        var tokens = user.tokens();
        var userClient = ApiClient.withToken(tokens.getString("access_token"));
        var key = json(tenant.admin()
                .postJson(
                        "/api/v1/identity/api-keys",
                        Json.createObjectBuilder()
                                .add("name", "bot")
                                .add("roles", Json.createArrayBuilder().add("OPERATOR"))
                                .build()
                                .toString()));
        String keyId = key.getJsonObject("key").getString("id");
        String secret = key.getString("secret");
        var botClient = ApiClient.withToken(
                json(exchange(keyId, secret, "/api/v1/auth/token")).getString("access_token"));
        assertEquals(404, userClient.get(second.url(PROTECTED)).statusCode(), "the second server accepts it first");
        assertEquals(404, botClient.get(second.url(PROTECTED)).statusCode(), "and the key's token");

        var suspended =
                ApiClient.asPlatformOperator().postEmpty("/api/v1/platform/tenants/" + tenant.id() + "/suspend", null);
        assertEquals(200, suspended.statusCode(), suspended.body());
        long at = System.nanoTime();

        int userStatus;
        int botStatus;
        do {
            userStatus = userClient.get(second.url(PROTECTED)).statusCode();
            botStatus = botClient.get(second.url(PROTECTED)).statusCode();
        } while ((userStatus != 401 || botStatus != 401) && System.nanoTime() - at < WITHIN.toNanos());
        Duration took = Duration.ofNanos(System.nanoTime() - at);

        assertEquals(401, userStatus, "the user's token still works " + took + " after the suspension");
        assertEquals(401, botStatus, "the API key's token still works " + took + " after the suspension");
        assertTrue(took.compareTo(WITHIN) <= 0, "refused after " + took);
        assertEquals(
                "https://lotabots.io/problems/token-revoked",
                json(userClient.get(second.url(PROTECTED))).getString("type"));

        var refresh = new ApiClient()
                .postJson(
                        second.url("/api/v1/auth/refresh"),
                        "{\"refresh_token\": \"" + tokens.getString("refresh_token") + "\"}");
        assertEquals(401, refresh.statusCode(), refresh.body());
        assertEquals(
                401, exchange(keyId, secret, second.url("/api/v1/auth/token")).statusCode(), "no new key token");
        var login = new ApiClient()
                .postJson(
                        second.url("/api/v1/auth/login"),
                        Json.createObjectBuilder()
                                .add("tenant", tenant.name())
                                .add("username", user.username())
                                .add("password", user.password())
                                .build()
                                .toString());
        assertEquals(401, login.statusCode(), "no new login: " + login.body());
    }

    @Test
    void anotherTenantCarriesOnWhileOneIsSuspended() {
        var suspendedTenant = TestTenant.createdByOperator("suspend-one");
        var other = TestTenant.createdByOperator("carry-on").userWithRoles("OPERATOR");
        var otherClient = other.login();

        assertEquals(
                200,
                ApiClient.asPlatformOperator()
                        .postEmpty("/api/v1/platform/tenants/" + suspendedTenant.id() + "/suspend", null)
                        .statusCode());

        assertEquals(404, otherClient.get(second.url(PROTECTED)).statusCode(), "unaffected: " + other);
        assertEquals(404, otherClient.get(PROTECTED).statusCode());
    }

    private static java.net.http.HttpResponse<String> exchange(String keyId, String secret, String url) {
        String basic = Base64.getEncoder().encodeToString((keyId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return new ApiClient()
                .send(HttpRequest.newBuilder(ApiClient.uri(url))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }
}
