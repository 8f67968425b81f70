package io.lotabots.attestation.hardware.tpm;

import java.util.Optional;

/** A digest algorithm the event log's Spec ID header declares: its TPM_ALG_ID and digest size. */
public record LogDigestAlgorithm(int algorithmId, int digestSize) {

    /** The algorithm when the verifier knows it (it can then replay that bank). */
    public Optional<TpmHash> known() {
        return TpmHash.ofId(algorithmId);
    }
}
