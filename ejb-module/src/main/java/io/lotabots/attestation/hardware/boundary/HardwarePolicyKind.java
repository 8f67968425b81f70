package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.hardware.entity.HardwarePolicyName;
import io.lotabots.attestation.hardware.entity.HardwarePolicyVersion;
import io.lotabots.attestation.hardware.policy.PolicyDraft;
import io.lotabots.attestation.hardware.tpm.Certificates;
import io.lotabots.attestation.policy.PolicyKind;
import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.platform.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Hardware attestation's policies: PCR selection, reference values, trusted AK and EK CAs. */
final class HardwarePolicyKind
        implements PolicyKind<HardwarePolicyName, HardwarePolicyVersion, PolicyDraft, PolicyView> {

    static final HardwarePolicyKind HARDWARE = new HardwarePolicyKind();

    private HardwarePolicyKind() {}

    @Override
    public AttestationType type() {
        return AttestationType.HARDWARE;
    }

    @Override
    public Class<HardwarePolicyName> headType() {
        return HardwarePolicyName.class;
    }

    @Override
    public Class<HardwarePolicyVersion> rowType() {
        return HardwarePolicyVersion.class;
    }

    @Override
    public String oneVersionQuery() {
        return HardwarePolicyVersion.ONE;
    }

    @Override
    public String versionNumbersQuery() {
        return HardwarePolicyVersion.NUMBERS;
    }

    @Override
    public String noun() {
        return "policy";
    }

    @Override
    public String auditTarget() {
        return "hardware-policy";
    }

    @Override
    public HardwarePolicyName newHead(UUID tenantId, String name, Instant now) {
        return new HardwarePolicyName(tenantId, name, now);
    }

    @Override
    public PolicyDraft defaultDraft() {
        return PolicyDraft.DEFAULT;
    }

    @Override
    public HardwarePolicyVersion newRow(
            HardwarePolicyName head, int version, PolicyDraft draft, String author, Instant now) {
        var values = Json.createObjectBuilder();
        draft.referenceValues()
                .forEach((key, digests) -> values.add(key, Json.createArrayBuilder(List.copyOf(digests))));
        return new HardwarePolicyVersion(
                head.tenantId(),
                head.name(),
                version,
                draft.pcrSelection(),
                values.build(),
                draft.eventLogRequired(),
                Certificates.toPem(draft.trustedAkCas()),
                Certificates.toPem(draft.trustedEkCas()),
                draft.enrolledDeviceRequired(),
                author,
                now);
    }

    @Override
    public PolicyView view(HardwarePolicyVersion row, List<Integer> versions) {
        return PolicyView.of(row, versions);
    }

    @Override
    public AuditRecord.Builder describe(AuditRecord.Builder record, PolicyView policy) {
        return record.detail("pcrSelection", policy.pcrSelection())
                .detail("referenceValues", policy.referenceValues().size())
                .detail("eventLogRequired", policy.eventLogRequired())
                .detail("trustedAkCas", policy.trustedAkCas().size())
                .detail("trustedEkCas", policy.trustedEkCas().size())
                .detail("enrolledDeviceRequired", policy.enrolledDeviceRequired());
    }
}
