package io.lotabots.identity.boundary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityRefusalsTest {

    private static final FieldProblem NO_ROLE = new FieldProblem("roles", "must name at least one role");
    private static final FieldProblem COMMON =
            new FieldProblem("password", "is one of the most commonly used passwords");

    @Test
    void nothingWrongIsNoRefusal() {
        assertDoesNotThrow(() -> IdentityRefusals.refuseUnlessEmpty(List.of(), List.of()));
    }

    @Test
    void onlyPasswordRulesBrokenIsAWeakPassword() {
        var refused = assertThrows(Refusal.class, () -> IdentityRefusals.refuseUnlessEmpty(List.of(), List.of(COMMON)));

        assertEquals("weak-password", refused.slug());
        assertEquals(Kind.INVALID_INPUT, refused.kind());
        assertEquals("The password breaks 1 rule(s) of the password policy.", refused.detail());
        assertEquals(List.of(COMMON), refused.problems());
    }

    @Test
    void anyOtherProblemIsInvalidInputListingThePasswordRulesToo() {
        var refused = assertThrows(
                Refusal.class, () -> IdentityRefusals.refuseUnlessEmpty(List.of(NO_ROLE), List.of(COMMON)));

        assertEquals("validation", refused.slug());
        assertEquals(List.of(NO_ROLE, COMMON), refused.problems());
    }

    @Test
    void refusedLoginsAndRefreshesAndWrongCurrentPasswordsCommitWhatTheyRecorded() {
        assertTrue(IdentityRefusals.invalidCredentials().committed());
        assertTrue(IdentityRefusals.passwordChangeRequired().committed());
        assertTrue(IdentityRefusals.invalidGrant().committed());
        assertTrue(IdentityRefusals.currentPasswordMismatch().committed());
    }

    @Test
    void changesThatAreRefusedRollBack() {
        assertFalse(IdentityRefusals.usernameTaken("ada").committed());
        assertFalse(IdentityRefusals.lastAdministrator().committed());
        assertFalse(IdentityRefusals.userChanged(3).committed());
        assertFalse(IdentityRefusals.invalidClient().committed());
    }

    @Test
    void aStaleUserNamesTheVersionToReadFirst() {
        var refused = IdentityRefusals.userChanged(7);

        assertEquals(Kind.STALE_VERSION, refused.kind());
        assertEquals(7, refused.currentVersion().orElseThrow());
    }
}
