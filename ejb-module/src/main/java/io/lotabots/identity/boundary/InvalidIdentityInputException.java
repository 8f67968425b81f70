package io.lotabots.identity.boundary;

import io.lotabots.identity.control.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Input the identity rules refuse ({@link io.lotabots.identity.control.IdentityInput}, the password
 * policy), with every problem named by its field, so the API answers them in {@code errors[]} and the
 * console shows each on its field. Nothing is written.
 */
public class InvalidIdentityInputException extends IdentityRefusal {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public InvalidIdentityInputException(List<FieldProblem> problems) {
        this("The request has " + problems.size() + " invalid field(s).", problems);
    }

    protected InvalidIdentityInputException(String detail, List<FieldProblem> problems) {
        super(detail);
        this.problems = List.copyOf(problems);
    }

    /**
     * Refuses unless both lists are empty: only the password policy's rules broken is a weak password
     * (its own problem type); anything else is invalid input, reported together with those rules.
     */
    static void refuseUnlessEmpty(List<FieldProblem> input, List<FieldProblem> passwordRules) {
        if (input.isEmpty() && passwordRules.isEmpty()) {
            return;
        }
        if (input.isEmpty()) {
            throw new PasswordRejectedException(passwordRules);
        }
        var all = new ArrayList<>(input);
        all.addAll(passwordRules);
        throw new InvalidIdentityInputException(all);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
