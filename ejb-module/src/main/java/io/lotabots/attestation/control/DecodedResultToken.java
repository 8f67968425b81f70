package io.lotabots.attestation.control;

/**
 * A result token taken apart for reading: its header and claims as indented JSON, and whether its
 * signature verifies against the key published in the JWKS.
 */
public record DecodedResultToken(String header, String claims, Signature signature, String detail) {

    /** What checking the signature against the published key found. */
    public enum Signature {
        VALID,
        INVALID,
        /** The header names a key that is not (or no longer) published. */
        UNKNOWN_KEY,
        /** Not a compact JWS at all. */
        MALFORMED
    }
}
