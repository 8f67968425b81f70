package io.lotabots.attestation.model.boundary;

import io.lotabots.attestation.model.entity.ModelPolicyVersion;
import io.lotabots.attestation.model.policy.ModelPolicyText;
import java.time.Instant;
import java.util.List;

/** One version of a model policy as the API shows it, with the numbers of all its versions. */
public record ModelPolicyView(
        String name,
        int version,
        List<String> trustedKeys,
        List<String> trustedCas,
        boolean signatureRequired,
        boolean suspiciousPasses,
        List<String> allowedFormats,
        Long maxSizeBytes,
        String createdBy,
        Instant createdAt,
        List<Integer> versions) {

    static ModelPolicyView of(ModelPolicyVersion row, List<Integer> versions) {
        return new ModelPolicyView(
                row.name(),
                row.version(),
                ModelPolicyText.blocks(row.trustedKeys()),
                ModelPolicyText.blocks(row.trustedCas()),
                row.signatureRequired(),
                row.suspiciousPasses(),
                ModelPolicyText.formats(row.allowedFormats()),
                row.maxSizeBytes(),
                row.createdBy(),
                row.createdAt(),
                List.copyOf(versions));
    }
}
