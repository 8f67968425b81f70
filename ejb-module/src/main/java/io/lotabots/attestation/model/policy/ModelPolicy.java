package io.lotabots.attestation.model.policy;

import io.lotabots.attestation.model.signing.SignatureTrust;
import java.util.Set;

/**
 * One version of a tenant's model policy, as the appraiser applies it.
 *
 * @param trust the signing keys and CAs whose signatures count as valid
 * @param signatureRequired whether a model without a valid signature fails
 * @param suspiciousPasses whether a model whose worst finding is {@code suspicious} passes
 * @param allowedFormats lower-case format names every file must have; empty: every format
 * @param maxSizeBytes the largest model (all its files) that passes; null: no limit
 */
public record ModelPolicy(
        String name,
        int version,
        SignatureTrust trust,
        boolean signatureRequired,
        boolean suspiciousPasses,
        Set<String> allowedFormats,
        Long maxSizeBytes) {

    public ModelPolicy {
        allowedFormats = Set.copyOf(allowedFormats);
    }
}
