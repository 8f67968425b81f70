package io.lotabots.attestation.model.signing;

/** How the signer's key was vouched for: a public key the tenant trusts, or a certificate from a CA it trusts. */
public enum SigningMethod {
    KEY,
    CERTIFICATE
}
