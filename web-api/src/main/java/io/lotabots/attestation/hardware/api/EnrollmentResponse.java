package io.lotabots.attestation.hardware.api;

import io.lotabots.attestation.hardware.boundary.DeviceView;
import io.lotabots.attestation.hardware.boundary.EnrolledCredential;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A new enrollment: the device, and the challenge for its TPM in two shapes, base64: the separate
 * TPM2B_ID_OBJECT and TPM2B_ENCRYPTED_SECRET, and {@code credential}, the file for
 * {@code tpm2_activatecredential -i}.
 */
public record EnrollmentResponse(
        UUID id,
        String status,
        String akName,
        Instant activationExpiresAt,
        String credentialBlob,
        String encryptedSecret,
        String credential,
        DeviceView device) {

    static EnrollmentResponse of(EnrolledCredential enrolled) {
        var base64 = Base64.getEncoder();
        var device = enrolled.device();
        return new EnrollmentResponse(
                device.id(),
                device.status().name(),
                device.akName(),
                device.activationExpiresAt(),
                base64.encodeToString(enrolled.credentialBlob()),
                base64.encodeToString(enrolled.encryptedSecret()),
                base64.encodeToString(enrolled.credentialFile()),
                device);
    }
}
