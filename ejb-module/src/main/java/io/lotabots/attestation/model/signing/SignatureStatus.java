package io.lotabots.attestation.model.signing;

/**
 * What a model's signature says, in the words: {@code VALID} only when a trusted signer signed exactly
 * the model's files; {@code UNSUPPORTED} for a signature this verifier cannot check (keyless Sigstore, BLAKE
 * digests, pre-1.0 formats), which is never taken for valid.
 */
public enum SignatureStatus {
    VALID,
    INVALID,
    ABSENT,
    UNSUPPORTED
}
