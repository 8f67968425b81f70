package io.lotabots.attestation.model.signing;

import io.lotabots.attestation.model.control.Finding;
import java.util.List;

/**
 * The outcome of checking a model's signature: its status, the signer (when a trusted signer's signature
 * verified), the model's root digest (model_signing's manifest digest: SHA-256 over the raw resource digests in
 * the signed order, set only when {@code VALID}), the serialization method the signature used ({@code files} or
 * {@code shards}, when the statement could be read) and the findings, each naming the file it is about.
 */
public record SignatureVerification(
        SignatureStatus status,
        ModelSigner signer,
        String rootDigest,
        String serializationMethod,
        List<Finding> findings) {

    public SignatureVerification {
        findings = List.copyOf(findings);
    }

    static SignatureVerification absent() {
        return new SignatureVerification(SignatureStatus.ABSENT, null, null, null, List.of());
    }
}
