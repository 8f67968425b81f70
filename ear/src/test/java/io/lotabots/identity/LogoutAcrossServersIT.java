package io.lotabots.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.SecondServer;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server JVMs sharing PostgreSQL and Redis, as in a cluster: a logout on the first is refused
 * by the second within a second, because every server reads the revocations Redis holds several
 * times a second.
 */
class LogoutAcrossServersIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    /** Every role may read attestations; an unknown id answers 404 once the token is accepted. */
    private static final String PROTECTED = "/api/v1/attestations/" + UUID.randomUUID();

    private static SecondServer second;
    private static TestUser user;

    @BeforeAll
    static void startSecondServer() {
        second = SecondServer.start();
        user = TestTenant.create("two-servers").userWithRoles("OPERATOR");
    }

    @AfterAll
    static void stopSecondServer() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aTokenIssuedByOneServerIsAcceptedByTheOther() {
        var client = user.login();

        var answer = client.get(second.url(PROTECTED));
        assertEquals(404, answer.statusCode(), "authorised; no such check: " + answer.body());
    }

    @Test
    void logoutOnOneServerIsRefusedByTheOtherWithinOneSecond() {
        var tokens = user.tokens();
        var client = ApiClient.withToken(tokens.getString("access_token"));
        assertEquals(404, client.get(second.url(PROTECTED)).statusCode(), "the second server accepts it first");

        var logout = client.send(
                HttpRequest.newBuilder(ApiClient.uri("/api/v1/auth/logout")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, logout.statusCode(), logout.body());
        long loggedOut = System.nanoTime();

        int status;
        do {
            status = client.get(second.url(PROTECTED)).statusCode();
        } while (status != 401 && System.nanoTime() - loggedOut < WITHIN.toNanos());
        Duration took = Duration.ofNanos(System.nanoTime() - loggedOut);

        assertEquals(401, status, "the second server still accepts the token " + took + " after the logout");
        assertTrue(took.compareTo(WITHIN) <= 0, "refused after " + took);
        var refused = client.get(second.url(PROTECTED));
        assertEquals(
                "https://lotabots.io/problems/token-revoked",
                ApiClient.json(refused).getString("type"));
    }

    @Test
    void theRefreshTokenOfASessionEndedOnOneServerIsRefusedByTheOther() {
        var tokens = user.tokens();
        var client = ApiClient.withToken(tokens.getString("access_token"));
        assertEquals(
                204,
                client.send(HttpRequest.newBuilder(ApiClient.uri("/api/v1/auth/logout"))
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode());

        var refresh = new ApiClient()
                .postJson(
                        second.url("/api/v1/auth/refresh"),
                        "{\"refresh_token\": \"" + tokens.getString("refresh_token") + "\"}");

        assertEquals(401, refresh.statusCode(), refresh.body());
    }
}
