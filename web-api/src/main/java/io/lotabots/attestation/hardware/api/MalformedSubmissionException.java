package io.lotabots.attestation.hardware.api;

import io.lotabots.platform.refusal.FieldProblem;
import java.util.List;

/** A submission whose form is wrong, with every field at fault; the resource answers it with one 400. */
class MalformedSubmissionException extends RuntimeException {

    private final transient List<FieldProblem> errors;

    MalformedSubmissionException(List<FieldProblem> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    List<FieldProblem> errors() {
        return errors;
    }
}
