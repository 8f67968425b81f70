package io.lotabots.attestation.control;

import io.lotabots.attestation.entity.ReviewDecision;
import io.lotabots.platform.refusal.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * A review as a reviewer sent it, checked: a decision of {@code ACCEPTED} or {@code FLAGGED}, and a
 * justification (trimmed, at most {@value #MAX_JUSTIFICATION} characters) that a flag cannot do without,
 * and neither can accepting a verdict that is currently flagged.
 */
public record ReviewInput(ReviewDecision decision, String justification) {

    public static final int MAX_JUSTIFICATION = 2000;

    /**
     * What is wrong with this review given the attestation's current decision (null before the first
     * review): overturning a flag must say why, as raising it did, so the trail explains both.
     */
    public List<FieldProblem> problemsReplacing(ReviewDecision current) {
        if (current == ReviewDecision.FLAGGED && decision == ReviewDecision.ACCEPTED && justification == null) {
            return List.of(new FieldProblem("justification", "is required to accept a flagged verdict"));
        }
        return List.of();
    }

    /** The input, or every problem with it. */
    public static Result read(String decision, String justification) {
        List<FieldProblem> problems = new ArrayList<>();
        ReviewDecision chosen = null;
        if (decision == null || decision.isBlank()) {
            problems.add(new FieldProblem("decision", "is required: ACCEPTED or FLAGGED"));
        } else {
            try {
                chosen = ReviewDecision.valueOf(decision.strip());
            } catch (IllegalArgumentException unknown) {
                problems.add(new FieldProblem("decision", "'" + decision + "' is not ACCEPTED or FLAGGED"));
            }
        }
        String text = justification == null || justification.isBlank() ? null : justification.strip();
        if (text != null && text.length() > MAX_JUSTIFICATION) {
            problems.add(new FieldProblem(
                    "justification", "has " + text.length() + " characters; at most " + MAX_JUSTIFICATION));
        }
        if (chosen == ReviewDecision.FLAGGED && text == null) {
            problems.add(new FieldProblem("justification", "is required to flag a verdict"));
        }
        return problems.isEmpty() ? new Result(new ReviewInput(chosen, text), List.of()) : new Result(null, problems);
    }

    /** Either the input or why it is not one. */
    public record Result(ReviewInput input, List<FieldProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }
}
