package io.lotabots.attestation.model.signing;

/**
 * Who signed, once the signature verified with material the tenant trusts: the key's hint (model_signing's
 * lower-case hex SHA-256 of the key's canonical SubjectPublicKeyInfo PEM, for the certificate method the leaf's
 * key), and for the certificate method the leaf's subject and issuer (RFC 2253). Never set from unverified
 * claims.
 */
public record ModelSigner(SigningMethod method, String keyHint, String subject, String issuer) {

    static ModelSigner key(String keyHint) {
        return new ModelSigner(SigningMethod.KEY, keyHint, null, null);
    }
}
