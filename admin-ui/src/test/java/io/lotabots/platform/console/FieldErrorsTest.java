package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextArea referenceValues = new TextArea();
    private final FieldErrors errors = new FieldErrors(username)
            .on("username", username)
            .on("password", password)
            .on("referenceValues", referenceValues);

    @Test
    void everyRuleAFieldBreaksIsShownOnThatField() {
        errors.show(List.of(
                new FieldProblem("password", "is shorter than the minimum length of 12 characters"),
                new FieldProblem("password", "is one of the most commonly used passwords")));

        assertTrue(password.isInvalid());
        assertEquals(
                "Password is shorter than the minimum length of 12 characters;"
                        + " Password is one of the most commonly used passwords",
                password.getErrorMessage());
        assertFalse(username.isInvalid(), "only the field at fault");
    }

    @Test
    void aRefusalsFieldProblemsGoOnTheirFields() {
        errors.show(Refusal.invalidInput(
                List.of(new FieldProblem("username", "is required"), new FieldProblem("password", "is required"))));

        assertEquals("Username is required", username.getErrorMessage());
        assertEquals("Password is required", password.getErrorMessage());
    }

    @Test
    void aProblemOfAMemberGoesOnItsFieldNamingTheMember() {
        errors.show(List.of(
                new FieldProblem("referenceValues.sha256:0", "'zz' is not 64 hex digits (a sha256 digest)"),
                new FieldProblem("referenceValues.sha1:7", "PCR 7 of sha1 is not in pcrSelection")));

        assertTrue(referenceValues.isInvalid());
        assertEquals(
                "referenceValues.sha256:0: 'zz' is not 64 hex digits (a sha256 digest);"
                        + " referenceValues.sha1:7: PCR 7 of sha1 is not in pcrSelection",
                referenceValues.getErrorMessage());
        assertFalse(username.isInvalid(), "not on the fallback");
    }

    @Test
    void aFieldWhoseNameOnlyStartsLikeAnotherIsNoMemberOfIt() {
        errors.show(List.of(new FieldProblem("passwordHint", "is not accepted")));

        assertFalse(password.isInvalid());
        assertTrue(username.isInvalid(), "the fallback");
        assertEquals("PasswordHint is not accepted", username.getErrorMessage());
    }

    @Test
    void aProblemOfAFieldTheFormLacksGoesOnTheFallback() {
        errors.show(List.of(new FieldProblem("expiresAt", "must be in the future")));

        assertTrue(username.isInvalid());
        assertEquals("ExpiresAt must be in the future", username.getErrorMessage());
    }

    @Test
    void showingAgainClearsWhatWasFixed() {
        errors.show("password", "is required");

        errors.show(List.of(new FieldProblem("username", "is required")));

        assertFalse(password.isInvalid());
        assertTrue(
                password.getErrorMessage() == null || password.getErrorMessage().isEmpty());
        assertTrue(username.isInvalid());
    }
}
