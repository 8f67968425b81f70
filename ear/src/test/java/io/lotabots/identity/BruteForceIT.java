package io.lotabots.identity;

import static io.lotabots.identity.LoginAttempts.WRONG_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.TestTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Failed logins slow down, then lock the account, with answers that never tell a locked account, a
 * wrong password and an unknown user apart. The test server keeps the default thresholds (delays
 * after 3 failures, lockout after 10) with delays shortened to 0.3–0.6 s.
 */
class BruteForceIT {

    static final int LOCK_AFTER = 10;
    private static final int DELAY_AFTER = 3;
    private static final String PASSWORD = "brute-force-it-Passw0rd";

    private final TestTenant fixture = TestTenant.create("bruteforce");
    private final String tenant = fixture.name();

    @Test
    void tenFailuresLockTheAccountAndThenEvenTheRightPasswordGetsTheWrongPasswordsAnswer() {
        String user = newUser();
        var attacker = LoginAttempts.fromNewAddress();
        var wrong = failRepeatedly(attacker, user, LOCK_AFTER);

        var rightButLocked = attacker.login(tenant, user, PASSWORD);
        var fromElsewhere = LoginAttempts.fromNewAddress().login(tenant, user, PASSWORD);

        assertEquals(401, rightButLocked.statusCode());
        assertEquals(wrong.body(), rightButLocked.body(), "the very same problem document");
        assertEquals(401, fromElsewhere.statusCode(), "the account is locked, not just the address");
        assertEquals(wrong.body(), fromElsewhere.body());
    }

    @Test
    void nineFailuresDoNotLockTheAccount() {
        String user = newUser();
        var client = LoginAttempts.fromNewAddress();
        failRepeatedly(client, user, LOCK_AFTER - 1);

        assertEquals(200, client.login(tenant, user, PASSWORD).statusCode());
    }

    @Test
    void attemptsAfterTheDelayThresholdAreAnsweredLater() {
        String user = newUser();
        var client = LoginAttempts.fromNewAddress();
        failRepeatedly(client, user, DELAY_AFTER);

        var delayed = client.timed(tenant, user, WRONG_PASSWORD);

        assertEquals(401, delayed.response().statusCode());
        assertTrue(delayed.took().compareTo(Duration.ofMillis(300)) >= 0, "waited the first delay: " + delayed.took());
    }

    @Test
    void aSuccessfulLoginStartsTheAccountsCountAfresh() {
        String user = newUser();
        var client = LoginAttempts.fromNewAddress();
        failRepeatedly(client, user, LOCK_AFTER - 4);
        assertEquals(200, client.login(tenant, user, PASSWORD).statusCode());

        failRepeatedly(client, user, LOCK_AFTER - 4);

        assertEquals(200, client.login(tenant, user, PASSWORD).statusCode(), "12 failures, but never 10 in a row");
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswerInSimilarTime() {
        var client = LoginAttempts.fromNewAddress();
        int rounds = 7;
        var users = new ArrayList<String>();
        for (int i = 0; i < rounds; i++) {
            users.add(newUser());
        }
        client.login(tenant, "warm-up-" + UUID.randomUUID(), WRONG_PASSWORD);
        var unknownTimes = new ArrayList<Duration>();
        var wrongTimes = new ArrayList<Duration>();
        String firstBody = null;
        for (int i = 0; i < rounds; i++) {
            var unknown = client.timed(tenant, "nobody-" + UUID.randomUUID(), WRONG_PASSWORD);
            var wrong = client.timed(tenant, users.get(i), WRONG_PASSWORD);
            for (var answer : List.of(unknown, wrong)) {
                assertEquals(401, answer.response().statusCode());
                firstBody = firstBody == null ? answer.response().body() : firstBody;
                assertEquals(firstBody, answer.response().body());
            }
            unknownTimes.add(unknown.took());
            wrongTimes.add(wrong.took());
        }

        double ratio =
                (double) median(unknownTimes).toNanos() / median(wrongTimes).toNanos();
        assertTrue(
                ratio > 0.5 && ratio < 2.0,
                "median unknown user " + median(unknownTimes) + " vs wrong password " + median(wrongTimes));
    }

    private String newUser() {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.addUser(name, PASSWORD, "DEVELOPER");
        return name;
    }

    /** Fails {@code times} logins in a row; returns the last answer. */
    private java.net.http.HttpResponse<String> failRepeatedly(LoginAttempts client, String user, int times) {
        java.net.http.HttpResponse<String> last = null;
        for (int i = 0; i < times; i++) {
            last = client.login(tenant, user, WRONG_PASSWORD);
            assertEquals(401, last.statusCode(), last.body());
        }
        return last;
    }

    private static Duration median(List<Duration> times) {
        var sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
