package io.lotabots.attestation.boundary;

import io.lotabots.attestation.entity.Attestation;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/** Turns a row into its view. */
final class AttestationViews {

    private AttestationViews() {}

    static AttestationView of(Attestation a) {
        JsonObject result = a.result();
        List<String> reasons = result == null
                ? List.of()
                : result.getJsonArray("reasons").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList();
        JsonArray checks = result == null ? JsonArray.EMPTY_JSON_ARRAY : result.getJsonArray("checks");
        JsonObject claims = result == null ? JsonObject.EMPTY_JSON_OBJECT : result.getJsonObject("claims");
        return new AttestationView(
                a.id(),
                a.type().name(),
                a.status().name(),
                a.verdict() == null ? null : a.verdict().name(),
                reasons,
                checks,
                claims,
                new AttestationView.PolicyRef(a.policyName(), a.policyVersion()),
                a.token(),
                a.submittedAt(),
                a.completedAt(),
                a.deviceId(),
                a.evidenceDigest(),
                a.failureReason(),
                null);
    }
}
