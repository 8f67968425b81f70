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

    /** The audit events naming the subject, all kept as evidence; those of format 1 with their values unchanged. */
    record AuditEventsKept(long total, long formatOne) {}

    static String of(
            SubjectRequest r, Map<String, Integer> counts, AuditEventsKept audit, String pseudonym, Instant at) {
        var erased = Json.createObjectBuilder();
        counts.forEach(erased::add);
        return Json.createObjectBuilder()
                .add("format", "lotabots/erasure-certificate/2")
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
                                        .add("count", audit.total() - audit.formatOne())
                                        .add("personalValues", "pseudonymised")
                                        .add(
                                                "reason",
                                                "GDPR Art. 17(3)(b) and (e): evidence of processing, hash-chained and"
                                                        + " signed; their personal values are replaced by the pseudonym and"
                                                        + " the chain still verifies"))
                                .add(Json.createObjectBuilder()
                                        .add("category", "audit-events-format-1")
                                        .add("count", audit.formatOne())
                                        .add("personalValues", "unchanged")
                                        .add(
                                                "reason",
                                                "GDPR Art. 17(3)(b) and (e): written before pseudonymisable events (V44),"
                                                        + " their personal values are inside the hashed, signed content;"
                                                        + " kept until their retention ends")))
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
