package io.lotabots.identity;

import static io.lotabots.identity.LoginAttempts.WRONG_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.SecondServer;
import io.lotabots.testsupport.TestTenant;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server JVMs sharing PostgreSQL and Redis, as in a cluster: a client's rate limit and an
 * account's failed logins are counted in Redis, so spreading requests over both servers buys an
 * attacker nothing. (Revocations across servers: {@link LogoutAcrossServersIT},
 * {@link TenantSuspensionAcrossServersIT}.)
 */
class LimitsAcrossServersIT {

    /** The test server's burst (arquillian.xml); the bucket refills 20 a second. */
    private static final int BURST = 300;

    /** Requests spent on the first server before asking the second (within the burst). */
    private static final int SPENT = 200;

    private static final String PROBE = "/api/v1/rate-limit-probe";
    private static final Pattern STATE = Pattern.compile("\"default\";r=(\\d+);t=(\\d+)");
    private static final String PASSWORD = "limits-across-servers-Passw0rd";

    private static SecondServer second;
    private static TestTenant fixture;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startSecondServer() {
        second = SecondServer.start();
        fixture = TestTenant.create("two-servers-limits");
    }

    @AfterAll
    static void stopSecondServer() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aClientHasOneBudgetAcrossBothServers() {
        String token = token(newUser());
        String first = ApiClient.uri("").toString();

        long start = System.nanoTime();
        for (int i = 0; i < SPENT / 25; i++) {
            for (var answer : send(first, token, 25)) {
                assertEquals(404, answer.statusCode(), "within the burst: " + answer.body());
            }
        }
        var onSecond = send(second.url(""), token, 1).get(0);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(404, onSecond.statusCode());
        var state = STATE.matcher(onSecond.headers().firstValue("RateLimit").orElse(""));
        assertTrue(state.matches(), onSecond.headers().map().toString());
        long remaining = Long.parseLong(state.group(1));
        // what the first server spent is gone on the second too, less what refilled meanwhile (20 a second)
        long atMost = BURST - SPENT + Math.round(20 * seconds) + 1;
        assertTrue(
                remaining <= atMost,
                "the second server reports " + remaining + " left after " + SPENT + " spent on the first in " + seconds
                        + " s (at most " + atMost + " with one budget)");

        HttpResponse<String> refused = null;
        for (int round = 0; round < 40 && refused == null; round++) {
            for (var answer : send(second.url(""), token, 25)) {
                assertNotEquals(503, answer.statusCode(), answer.body());
                if (answer.statusCode() == 429) {
                    refused = answer;
                }
            }
        }
        assertTrue(refused != null, "never limited on the second server");
        assertTrue(countRefused(first, token) >= 5, "the first server refuses the client the second exhausted");
    }

    @Test
    void anotherClientKeepsItsOwnBudgetOnBothServers() {
        String spender = token(newUser());
        for (int i = 0; i < 20; i++) {
            send(second.url(""), spender, 25);
        }

        String other = token(newUser());
        assertEquals(404, send(second.url(""), other, 1).get(0).statusCode(), "served, on the second server");
        assertEquals(404, send(ApiClient.uri("").toString(), other, 1).get(0).statusCode(), "and on the first");
    }

    @Test
    void failedLoginsOnBothServersAddUpToOneLockout() {
        String user = newUser();
        var attacker = LoginAttempts.fromNewAddress();
        for (int i = 0; i < BruteForceIT.LOCK_AFTER; i++) {
            // five on each server: a count per server would never reach the threshold of ten
            var wrong = i % 2 == 0
                    ? attacker.login(fixture.name(), user, WRONG_PASSWORD)
                    : attacker.loginAt(second.url(""), fixture.name(), user, WRONG_PASSWORD);
            assertEquals(401, wrong.statusCode(), wrong.body());
        }

        var elsewhere = LoginAttempts.fromNewAddress();
        assertEquals(401, elsewhere.login(fixture.name(), user, PASSWORD).statusCode(), "locked on the first");
        assertEquals(
                401,
                elsewhere
                        .loginAt(second.url(""), fixture.name(), user, PASSWORD)
                        .statusCode(),
                "and on the second");
    }

    @Test
    void nineFailuresSpreadOverBothServersDoNotLock() {
        String user = newUser();
        var client = LoginAttempts.fromNewAddress();
        for (int i = 0; i < BruteForceIT.LOCK_AFTER - 1; i++) {
            var wrong = i % 2 == 0
                    ? client.loginAt(second.url(""), fixture.name(), user, WRONG_PASSWORD)
                    : client.login(fixture.name(), user, WRONG_PASSWORD);
            assertEquals(401, wrong.statusCode());
        }

        assertEquals(
                200,
                client.loginAt(second.url(""), fixture.name(), user, PASSWORD).statusCode());
        assertEquals(200, client.login(fixture.name(), user, PASSWORD).statusCode());
    }

    private String newUser() {
        String username = "limits-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        fixture.addUser(username, PASSWORD, "DEVELOPER");
        return username;
    }

    private String token(String username) {
        return fixture.accessToken(username, PASSWORD);
    }

    private long countRefused(String base, String token) {
        return send(base, token, 10).stream().filter(r -> r.statusCode() == 429).count();
    }

    /** Sends {@code count} requests at once to one server; the answers in the order sent. */
    private List<HttpResponse<String>> send(String base, String token, int count) {
        var request = HttpRequest.newBuilder(ApiClient.uri(base + PROBE))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < count; i++) {
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }
}
