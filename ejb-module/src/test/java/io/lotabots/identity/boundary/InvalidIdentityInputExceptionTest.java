package io.lotabots.identity.boundary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.identity.control.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidIdentityInputExceptionTest {

    private static final FieldProblem NO_ROLE = new FieldProblem("roles", "must name at least one role");
    private static final FieldProblem COMMON =
            new FieldProblem("password", "is one of the most commonly used passwords");

    @Test
    void nothingWrongIsNoRefusal() {
        assertDoesNotThrow(() -> InvalidIdentityInputException.refuseUnlessEmpty(List.of(), List.of()));
    }

    @Test
    void onlyPasswordRulesBrokenIsAWeakPassword() {
        var refused = assertThrows(
                PasswordRejectedException.class,
                () -> InvalidIdentityInputException.refuseUnlessEmpty(List.of(), List.of(COMMON)));

        assertEquals(List.of(COMMON), refused.problems());
    }

    @Test
    void anyOtherProblemIsInvalidInputListingThePasswordRulesToo() {
        var refused = assertThrows(
                InvalidIdentityInputException.class,
                () -> InvalidIdentityInputException.refuseUnlessEmpty(List.of(NO_ROLE), List.of(COMMON)));

        assertFalse(refused instanceof PasswordRejectedException);
        assertEquals(List.of(NO_ROLE, COMMON), refused.problems());
    }
}
