package io.lotabots.subjectrequest.boundary;

import io.lotabots.platform.json.Json;
import io.lotabots.subjectrequest.entity.SubjectRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * The erasure certificate: what was erased (counts per category), what was kept and why, when, requested
 * by whom and approved by whom. Its SHA-256 is in the completion's audit event, so the chain vouches for it.
 */
final class ErasureCertificate {

    private ErasureCertificate() {}

    static String of(
            SubjectRequest r, Map<String, Integer> counts, long auditEventsKept, String pseudonym, Instant at) {
        var erased = Json.createObjectBuilder();
        counts.forEach(erased::add);
        return Json.createObjectBuilder()
                .add("format", "lotabots/erasure-certificate/1")
                .add("requestId", r.id().toString())
                .add("tenantId", r.tenantId().toString())
                .add("subject", r.subject())
                .add("pseudonym", pseudonym)
                .add("receivedAt", r.receivedAt().toString())
                .add("requestedBy", r.requestedBy())
                .add(
                        "approvedBy",
                        Json.createObjectBuilder()
                                .add("id", r.decidedBy())
                                .add("name", r.decidedByName() == null ? "" : r.decidedByName())
                                .add("at", r.decidedAt().toString())
                                .add("reason", r.decisionReason()))
                .add("completedAt", at.toString())
                .add("attempts", r.attempts())
                .add("erased", erased)
                .add(
                        "retained",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("category", "audit-events")
                                        .add("count", auditEventsKept)
                                        .add(
                                                "reason",
                                                "GDPR Art. 17(3)(b) and (e): evidence of processing, hash-chained and"
                                                        + " signed; it names the subject by their id only once the account is"
                                                        + " anonymised")))
                .build()
                .toString();
    }

    static String sha256(String certificate) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(certificate.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
