package io.lotabots.attestation.hardware.tpm;

import java.util.Arrays;
import java.util.Optional;

/** The TPM signature schemes a quote may carry and the verifier checks. */
public enum SignatureScheme {
    RSASSA(0x0014),
    RSAPSS(0x0016),
    ECDSA(0x0018);

    private final int algorithmId;

    SignatureScheme(int algorithmId) {
        this.algorithmId = algorithmId;
    }

    public int algorithmId() {
        return algorithmId;
    }

    public static Optional<SignatureScheme> byId(int algorithmId) {
        return Arrays.stream(values()).filter(s -> s.algorithmId == algorithmId).findFirst();
    }

    public boolean rsa() {
        return this != ECDSA;
    }
}
