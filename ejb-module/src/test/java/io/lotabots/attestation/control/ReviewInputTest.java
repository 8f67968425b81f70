package io.lotabots.attestation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lotabots.attestation.entity.ReviewDecision;
import io.lotabots.platform.refusal.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewInputTest {

    @Test
    void acceptsAVerdictWithoutJustification() {
        var read = ReviewInput.read("ACCEPTED", "  ");

        assertEquals(new ReviewInput(ReviewDecision.ACCEPTED, null), read.input());
    }

    @Test
    void flagsWithATrimmedJustification() {
        var read = ReviewInput.read("FLAGGED", "  PCR 7 differs from the golden image \n");

        assertEquals(new ReviewInput(ReviewDecision.FLAGGED, "PCR 7 differs from the golden image"), read.input());
    }

    @Test
    void refusesAFlagWithoutJustification() {
        var read = ReviewInput.read("FLAGGED", null);

        assertNull(read.input());
        assertEquals(List.of(new FieldProblem("justification", "is required to flag a verdict")), read.problems());
    }

    @Test
    void refusesAFlagWhoseJustificationIsOnlyBlanks() {
        assertEquals(
                List.of("justification"),
                ReviewInput.read("FLAGGED", " \t ").problems().stream()
                        .map(FieldProblem::field)
                        .toList());
    }

    @Test
    void refusesAMissingOrUnknownDecision() {
        assertEquals("decision", ReviewInput.read(null, "x").problems().get(0).field());
        assertEquals(
                "'maybe' is not ACCEPTED or FLAGGED",
                ReviewInput.read("maybe", "x").problems().get(0).message());
    }

    @Test
    void refusesAnOverlongJustification() {
        var read = ReviewInput.read("ACCEPTED", "j".repeat(ReviewInput.MAX_JUSTIFICATION + 1));

        assertNull(read.input());
        assertEquals("has 2001 characters; at most 2000", read.problems().get(0).message());
    }

    @Test
    void namesEveryProblemAtOnce() {
        assertEquals(2, ReviewInput.read("", "j".repeat(3000)).problems().size());
    }

    @Test
    void acceptingAFlaggedVerdictNeedsAJustification() {
        var accept = ReviewInput.read("ACCEPTED", " ").input();

        assertEquals(
                List.of(new FieldProblem("justification", "is required to accept a flagged verdict")),
                accept.problemsReplacing(ReviewDecision.FLAGGED));
    }

    @Test
    void acceptingAFlaggedVerdictWithAJustificationIsAllowed() {
        var accept =
                ReviewInput.read("ACCEPTED", "Firmware update explained PCR 0").input();

        assertEquals(List.of(), accept.problemsReplacing(ReviewDecision.FLAGGED));
    }

    @Test
    void acceptingWithoutJustificationIsFineWhenNothingIsFlagged() {
        var accept = ReviewInput.read("ACCEPTED", null).input();

        assertEquals(List.of(), accept.problemsReplacing(null));
        assertEquals(List.of(), accept.problemsReplacing(ReviewDecision.ACCEPTED));
    }

    @Test
    void flaggingAgainIsJudgedByTheFlagsOwnRule() {
        var flag = ReviewInput.read("FLAGGED", "still wrong").input();

        assertEquals(List.of(), flag.problemsReplacing(ReviewDecision.FLAGGED));
    }
}
