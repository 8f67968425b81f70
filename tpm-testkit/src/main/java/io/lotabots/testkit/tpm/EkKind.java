package io.lotabots.testkit.tpm;

/**
 * Endorsement keys from the TCG default templates ({@code tpm2_createek -G}). Only the RSA EK has a
 * certificate: swtpm_setup certifies RSA-2048 and a P-384 ECC EK, not the P-256 one of the default template.
 */
public enum EkKind {
    RSA_2048("rsa"),
    ECC_P256("ecc");

    final String algorithm;

    EkKind(String algorithm) {
        this.algorithm = algorithm;
    }
}
