package io.lotabots.identity.boundary;

import io.lotabots.identity.control.FieldProblem;
import java.util.List;

/** A new password breaks the password policy; names every rule it breaks, never the password. */
public class PasswordRejectedException extends InvalidIdentityInputException {

    private static final long serialVersionUID = 1L;

    public PasswordRejectedException(List<FieldProblem> brokenRules) {
        super("The password breaks " + brokenRules.size() + " rule(s) of the password policy.", brokenRules);
    }
}
