package io.lotabots.attestation.model.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.boundary.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.UUID;

/** Audit events of every change to a model policy, in the change's transaction, by whoever made it. */
@Dependent
class ModelPolicyAudit {

    static final String TARGET = "model-policy";

    @Inject
    AuditTrail audit;

    void written(String action, Caller caller, ModelPolicyView policy) {
        audit.record(content(caller.attribute(AuditRecord.success(action)), policy));
    }

    /** The tenant's default policy, which the platform writes on first use, whoever's request needed it. */
    void defaultCreated(UUID tenantId, String author, ModelPolicyView policy) {
        audit.record(content(
                AuditRecord.success("model-policy.created").actor(author, null).tenant(tenantId), policy));
    }

    void deleted(Caller caller, String name, int latestVersion) {
        audit.record(caller.attribute(AuditRecord.success("model-policy.deleted"))
                .target(TARGET, name)
                .detail("latestVersion", latestVersion)
                .build());
    }

    private static AuditRecord content(AuditRecord.Builder record, ModelPolicyView policy) {
        return record.target(TARGET, policy.name())
                .detail("version", policy.version())
                .detail("trustedKeys", policy.trustedKeys().size())
                .detail("trustedCas", policy.trustedCas().size())
                .detail("signatureRequired", policy.signatureRequired())
                .detail("suspiciousPasses", policy.suspiciousPasses())
                .detail("allowedFormats", String.join(" ", policy.allowedFormats()))
                .detail(
                        "maxSizeBytes",
                        policy.maxSizeBytes() == null
                                ? "none"
                                : policy.maxSizeBytes().toString())
                .build();
    }
}
