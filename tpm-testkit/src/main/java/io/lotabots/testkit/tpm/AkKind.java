package io.lotabots.testkit.tpm;

/** The attestation keys a test can ask for, with the tpm2-tools arguments that make and use them. */
public enum AkKind {
    ECC_P256("ecc", "ecdsa", null),
    RSA_2048_RSASSA("rsa", "rsassa", null),
    RSA_2048_RSAPSS("rsa", "rsapss", "rsapss");

    final String algorithm;
    final String signingScheme;
    /** {@code tpm2_quote --scheme}; a PSS key refuses the default scheme. */
    final String quoteScheme;

    AkKind(String algorithm, String signingScheme, String quoteScheme) {
        this.algorithm = algorithm;
        this.signingScheme = signingScheme;
        this.quoteScheme = quoteScheme;
    }
}
