package io.lotabots.attestation.model.boundary;

import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.model.entity.ModelPolicyName;
import io.lotabots.attestation.model.entity.ModelPolicyVersion;
import io.lotabots.attestation.model.policy.ModelPolicyDraft;
import io.lotabots.attestation.model.policy.ModelPolicyText;
import io.lotabots.attestation.policy.PolicyKind;
import io.lotabots.audit.boundary.AuditRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Model attestation's policies: trusted signing keys and CAs, signature required, formats, size. */
final class ModelPolicyKind
        implements PolicyKind<ModelPolicyName, ModelPolicyVersion, ModelPolicyDraft, ModelPolicyView> {

    static final ModelPolicyKind MODEL = new ModelPolicyKind();

    private ModelPolicyKind() {}

    @Override
    public AttestationType type() {
        return AttestationType.MODEL;
    }

    @Override
    public Class<ModelPolicyName> headType() {
        return ModelPolicyName.class;
    }

    @Override
    public Class<ModelPolicyVersion> rowType() {
        return ModelPolicyVersion.class;
    }

    @Override
    public String oneVersionQuery() {
        return ModelPolicyVersion.ONE;
    }

    @Override
    public String versionNumbersQuery() {
        return ModelPolicyVersion.NUMBERS;
    }

    @Override
    public String noun() {
        return "model policy";
    }

    @Override
    public String auditTarget() {
        return "model-policy";
    }

    @Override
    public ModelPolicyName newHead(UUID tenantId, String name, Instant now) {
        return new ModelPolicyName(tenantId, name, now);
    }

    @Override
    public ModelPolicyDraft defaultDraft() {
        return ModelPolicyDraft.DEFAULT;
    }

    @Override
    public ModelPolicyVersion newRow(
            ModelPolicyName head, int version, ModelPolicyDraft draft, String author, Instant now) {
        return new ModelPolicyVersion(
                head.tenantId(),
                head.name(),
                version,
                ModelPolicyText.pems(draft.trustedKeys()),
                ModelPolicyText.pems(draft.trustedCas()),
                draft.signatureRequired(),
                draft.suspiciousPasses(),
                ModelPolicyText.formats(draft.allowedFormats()),
                draft.maxSizeBytes(),
                author,
                now);
    }

    @Override
    public ModelPolicyView view(ModelPolicyVersion row, List<Integer> versions) {
        return ModelPolicyView.of(row, versions);
    }

    @Override
    public AuditRecord.Builder describe(AuditRecord.Builder record, ModelPolicyView policy) {
        return record.detail("trustedKeys", policy.trustedKeys().size())
                .detail("trustedCas", policy.trustedCas().size())
                .detail("signatureRequired", policy.signatureRequired())
                .detail("suspiciousPasses", policy.suspiciousPasses())
                .detail("allowedFormats", String.join(" ", policy.allowedFormats()))
                .detail(
                        "maxSizeBytes",
                        policy.maxSizeBytes() == null
                                ? "none"
                                : policy.maxSizeBytes().toString());
    }
}
