package io.lotabots.identity.control;

import static io.lotabots.identity.control.PolicyViolation.COMMON_PASSWORD;
import static io.lotabots.identity.control.PolicyViolation.EQUALS_USERNAME;
import static io.lotabots.identity.control.PolicyViolation.TOO_SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.platform.refusal.FieldProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.withBundledList(12);

    @Test
    void acceptsALongUncommonPasswordThatIsNotTheUsername() {
        assertEquals(List.of(), policy.check("alice", "violet staple orbit".toCharArray()));
    }

    @Test
    void refusesAPasswordShorterThanTheMinimum() {
        assertEquals(List.of(TOO_SHORT), policy.check("alice", "x7#kQ9!mZ2p".toCharArray()));
        assertEquals(List.of(), policy.check("alice", "x7#kQ9!mZ2pw".toCharArray()));
    }

    @Test
    void countsLengthInCodePointsNotUtf16Units() {
        var sixEmoji = "🔑🌵🎲🚲🧭🪁";
        var twelveEmoji = sixEmoji + sixEmoji;

        assertEquals(12, sixEmoji.length());
        assertEquals(List.of(TOO_SHORT), policy.check("alice", sixEmoji.toCharArray()));
        assertEquals(List.of(), policy.check("alice", twelveEmoji.toCharArray()));
    }

    @Test
    void refusesTheUsernameIgnoringCaseAndSurroundingWhitespace() {
        assertEquals(List.of(EQUALS_USERNAME), policy.check("Alice.Wonderland", " alice.WONDERLAND ".toCharArray()));
        assertEquals(List.of(EQUALS_USERNAME), policy.check(" alice.wonderland\t", "Alice.Wonderland".toCharArray()));
    }

    @Test
    void acceptsAPasswordThatMerelyContainsTheUsername() {
        assertEquals(List.of(), policy.check("alice", "alice in wonderland".toCharArray()));
    }

    @Test
    void refusesPasswordsFromTheBundledListIgnoringCase() {
        assertEquals(List.of(COMMON_PASSWORD), policy.check("alice", "unbelievable".toCharArray()));
        assertEquals(List.of(COMMON_PASSWORD), policy.check("alice", "UnBelievable".toCharArray()));
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertEquals(
                List.of(TOO_SHORT, EQUALS_USERNAME, COMMON_PASSWORD),
                policy.check("password", "Password".toCharArray()));
        assertEquals(List.of(TOO_SHORT, COMMON_PASSWORD), policy.check("alice", "dragon".toCharArray()));
    }

    @Test
    void theBundledListsSourceLineIsNotAPassword() {
        var sourceLine = "# source: common-password@0.1.2 (npm, file lib/10k most common.txt; Mark Burnett's"
                + " 10,000 top passwords), licence: ISC";

        assertFalse(policy.check("alice", sourceLine.toCharArray()).contains(COMMON_PASSWORD));
    }

    @Test
    void aGivenListIsComparedCaseInsensitively() {
        var custom = new PasswordPolicy(4, Set.of("LotaBots2026!"));

        assertEquals(List.of(COMMON_PASSWORD), custom.check("alice", "lotabots2026!".toCharArray()));
        assertEquals(List.of(), custom.check("alice", "lotabots2027!".toCharArray()));
    }

    @Test
    void messagesNeverRepeatThePassword() {
        var password = "hunter2";

        for (var violation : policy.check(password, password.toCharArray())) {
            assertFalse(violation.message().contains(password), violation.message());
            assertFalse(violation.message().isBlank());
        }
        assertTrue(policy.check(password, password.toCharArray()).size() > 1);
    }

    @Test
    void refusesAMinimumLengthBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(0, Set.of()));
    }

    @Test
    void namesEachBrokenRuleOnTheFieldWithTheMinimumLength() {
        assertEquals(
                List.of(
                        new FieldProblem("password", "is shorter than the minimum length of 12 characters"),
                        new FieldProblem("password", "is one of the most commonly used passwords")),
                policy.problems("password", "alice", "trustno1".toCharArray()));
    }
}
