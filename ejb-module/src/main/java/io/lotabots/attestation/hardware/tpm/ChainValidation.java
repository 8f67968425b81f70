package io.lotabots.attestation.hardware.tpm;

/** The outcome of a certificate chain validation: trusted (with the path length) or why not. */
public record ChainValidation(boolean trusted, int pathLength, String detail) {

    public static ChainValidation trusted(int pathLength) {
        return new ChainValidation(true, pathLength, "chains to a trusted certificate authority");
    }

    public static ChainValidation untrusted(String why) {
        return new ChainValidation(false, 0, why);
    }
}
