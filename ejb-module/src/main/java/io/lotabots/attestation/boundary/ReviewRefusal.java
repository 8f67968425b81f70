package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.ReviewInput.FieldProblem;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** Why a review was not stored; the transaction is rolled back, so nothing of it remains. */
@ApplicationException(rollback = true)
public class ReviewRefusal extends RuntimeException {

    /** The kinds of refusal, each with its HTTP meaning. */
    public enum Kind {
        /** 400: the decision or justification is not acceptable ({@link #problems()} says which). */
        INVALID,
        /** 403: the caller's roles do not include reviewing. */
        FORBIDDEN,
        /** 404: no such attestation in the caller's tenant. */
        NOT_FOUND,
        /** 409: the attestation has no final outcome yet. */
        NOT_FINAL
    }

    private final Kind kind;
    private final transient List<FieldProblem> problems;

    ReviewRefusal(Kind kind, String message, List<FieldProblem> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    static ReviewRefusal of(Kind kind, String message) {
        return new ReviewRefusal(kind, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
