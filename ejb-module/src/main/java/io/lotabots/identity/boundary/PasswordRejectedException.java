package io.lotabots.identity.boundary;

import io.lotabots.identity.control.PolicyViolation;
import java.util.List;

/** A new password breaks the password policy; carries every rule it breaks, never the password. */
public class PasswordRejectedException extends IdentityRefusal {

    private static final long serialVersionUID = 1L;

    private final List<PolicyViolation> violations;
    private final String field;

    public PasswordRejectedException(List<PolicyViolation> violations) {
        this(violations, "password");
    }

    /** Refused for the request field that carried the password. */
    public PasswordRejectedException(List<PolicyViolation> violations, String field) {
        super("The password breaks " + violations.size() + " rule(s) of the password policy.");
        this.violations = List.copyOf(violations);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public List<PolicyViolation> violations() {
        return violations;
    }
}
