package io.lotabots.platform.refusal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.Refusal.Kind;
import jakarta.ejb.ApplicationException;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalTest {

    private static final FieldProblem NO_NAME = new FieldProblem("name", "is required");
    private static final FieldProblem LONG_NOTE = new FieldProblem("note", "has 3000 characters; at most 2000");

    @Test
    void invalidInputCountsTheFieldsAtFaultAndListsThemInOrder() {
        var refused = Refusal.invalidInput(List.of(NO_NAME, LONG_NOTE));

        assertEquals(Kind.INVALID_INPUT, refused.kind());
        assertEquals("validation", refused.slug());
        assertEquals("Invalid request", refused.title());
        assertEquals("The request has 2 invalid field(s).", refused.detail());
        assertEquals(List.of(NO_NAME, LONG_NOTE), refused.problems());
    }

    @Test
    void theFieldProblemsCannotBeChangedAfterTheRefusalIsMade() {
        var problems = new ArrayList<>(List.of(NO_NAME));
        var refused = Refusal.invalidInput(problems);
        problems.add(LONG_NOTE);

        assertEquals(List.of(NO_NAME), refused.problems());
        assertThrows(
                UnsupportedOperationException.class, () -> refused.problems().add(LONG_NOTE));
    }

    @Test
    void aStaleVersionNamesTheVersionToReadFirst() {
        var refused = Refusal.staleVersion("Changed since you read it.", 4);

        assertEquals(Kind.STALE_VERSION, refused.kind());
        assertEquals("precondition-failed", refused.slug());
        assertEquals(4, refused.currentVersion().orElseThrow());
        assertTrue(Refusal.notFound("No user 7.").currentVersion().isEmpty());
    }

    @Test
    void extensionMembersKeepTheirOrder() {
        var refused = Refusal.builder(Kind.QUOTA_EXCEEDED, "quota-exceeded", "Quota exceeded")
                .detail("The tenant stores 10 of 10 models.")
                .member("quota", Json.createValue("stored-models"))
                .member("limit", number(10))
                .member("usage", number(10))
                .build();

        assertEquals(
                List.of("quota", "limit", "usage"),
                List.copyOf(refused.members().keySet()));
        assertEquals("\"stored-models\"", refused.members().get("quota").toString());
    }

    @Test
    void anExtensionMemberMayNotReplaceAStandardOne() {
        for (String standard : List.of("type", "title", "status", "detail", "instance", "errors")) {
            var builder = Refusal.builder(Kind.CONFLICT, "conflict", "Conflict").detail("x");
            assertThrows(IllegalArgumentException.class, () -> builder.member(standard, JsonValue.TRUE), standard);
        }
    }

    @Test
    void aRefusalNeedsADetail() {
        assertThrows(NullPointerException.class, () -> Refusal.builder(Kind.CONFLICT, "conflict", "Conflict")
                .build());
    }

    @Test
    void aRateLimitSaysWhenToTryAgain() {
        var refused = Refusal.builder(Kind.RATE_LIMITED, "rate-limited", "Too many requests")
                .detail("Slow down.")
                .retryAfter(Duration.ofSeconds(12))
                .build();

        assertEquals(Duration.ofSeconds(12), refused.retryAfter().orElseThrow());
        assertTrue(Refusal.conflict("x").retryAfter().isEmpty());
    }

    @Test
    void aRefusalRollsBackUnlessItWasMadeCommitted() {
        var rolledBack = Refusal.conflict("Name taken.");
        var committed = Refusal.builder(Kind.INVALID_CREDENTIALS, "invalid-credentials", "Invalid credentials")
                .detail("Wrong.")
                .committed()
                .build();

        assertFalse(rolledBack.committed());
        assertTrue(committed.committed());
        assertTrue(rollsBack(rolledBack.getClass()), "the container rolls back a plain refusal");
        assertFalse(rollsBack(committed.getClass()), "and commits a committed one");
        assertTrue(committed instanceof Refusal, "one value for the mapper and the console either way");
    }

    private static JsonValue number(long n) {
        return Json.createObjectBuilder().add("n", n).build().get("n");
    }

    private static boolean rollsBack(Class<?> type) {
        ApplicationException declared = type.getAnnotation(ApplicationException.class);
        assertNotNull(declared, type + " is an application exception");
        return declared.rollback();
    }
}
