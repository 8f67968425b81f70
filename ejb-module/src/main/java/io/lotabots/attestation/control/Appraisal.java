package io.lotabots.attestation.control;

import io.lotabots.attestation.entity.Verdict;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * What a type's appraiser concluded, in the shape every type shares: the verdict, stable reason codes,
 * one summary per check (name, outcome, reason, detail), claims read from the evidence, the AR4SI
 * trustworthiness vector for the EAR token, and the full report (every check with its inputs) for S3.
 */
public record Appraisal(
        Verdict verdict,
        List<String> reasons,
        JsonArray checks,
        JsonObject claims,
        JsonObject trustworthinessVector,
        JsonObject report) {

    public Appraisal {
        reasons = List.copyOf(reasons);
    }
}
