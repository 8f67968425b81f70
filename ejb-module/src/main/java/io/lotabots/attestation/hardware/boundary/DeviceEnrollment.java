package io.lotabots.attestation.hardware.boundary;

/**
 * An enrollment request as sent: the EK as a certificate (PEM or base64 DER), a PEM public key or a
 * base64 TPM2B_PUBLIC; the AK as a base64 TPM2B_PUBLIC; an optional name; the policy whose trusted EK
 * CAs the EK certificate must chain to (null: the tenant's default policy). Nothing is checked yet.
 */
public record DeviceEnrollment(
        String name,
        String ekCertificate,
        String ekPublicKey,
        String ekPublicArea,
        String akPublicArea,
        String policy) {}
