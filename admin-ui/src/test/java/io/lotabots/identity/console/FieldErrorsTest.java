package io.lotabots.identity.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.lotabots.identity.control.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final FieldErrors errors =
            new FieldErrors(username).on("username", username).on("password", password);

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
