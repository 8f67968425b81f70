package io.lotabots.consent.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.consent.entity.ConsentPurpose;
import io.lotabots.consent.entity.ConsentRecord;
import io.lotabots.consent.entity.ProcessingActivity;
import io.lotabots.identity.boundary.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Consent's audit events. A grant or withdrawal carries the SHA-256 of its receipt, so the chain vouches for
 * the receipt the subject holds; a refusal for missing consent is recorded in a transaction of its own.
 */
@Dependent
class ConsentAudit {

    @Inject
    AuditTrail audit;

    void purposeCreated(Caller caller, ConsentPurpose purpose) {
        audit.record(caller.attribute(AuditRecord.success("consent.purpose.created"))
                .target("consent-purpose", purpose.code())
                .detail("legalBasis", purpose.legalBasis().name())
                .detail(
                        "requiredFor",
                        String.join(
                                ",",
                                purpose.requiredFor().stream().map(Enum::name).toList()))
                .build());
    }

    void policyPublished(Caller caller, ConsentPurpose purpose, int version) {
        audit.record(caller.attribute(AuditRecord.success("consent.policy.published"))
                .target("consent-purpose", purpose.code())
                .detail("version", version)
                .build());
    }

    void changed(Caller caller, ConsentRecord record, String purposeCode) {
        audit.record(caller.attribute(AuditRecord.success(record.granted() ? "consent.granted" : "consent.withdrawn"))
                .target("consent-subject", record.subject())
                .detail("purpose", purposeCode)
                .detail("policyVersion", record.policyVersion())
                .detail("source", record.source().name())
                .detail("record", record.id().toString())
                .detail("receiptSha256", sha256(record.receipt()))
                .build());
    }

    void refused(Caller caller, ProcessingActivity activity, List<String> purposes) {
        audit.recordAlone(caller.attribute(AuditRecord.denied("consent.required"))
                .target("consent-subject", caller.subject())
                .detail("activity", activity.name())
                .detail("purposes", String.join(",", purposes))
                .build());
    }

    /** The same digest the API's receipt answer carries: of the receipt exactly as stored. */
    static String sha256(String receipt) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(receipt.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
