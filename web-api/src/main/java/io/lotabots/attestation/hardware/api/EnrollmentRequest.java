package io.lotabots.attestation.hardware.api;

import io.lotabots.attestation.hardware.boundary.DeviceEnrollment;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device to enroll: its EK one of three ways, its AK's public area, and an optional name. */
@Schema(
        example =
                "{\"name\": \"build-runner-7\","
                        + " \"ekPublicKey\": \"-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA...\\n-----END PUBLIC KEY-----\\n\","
                        + " \"akPublicArea\": \"AFgAIwALAAUAcgAAABAAGAALAAMAEAAgbkD63d+eHv+uGgnjV9xNq37AQG/AJ601VoM+XTsy/PgAICLcsn+6y6S7x9ZdMPBfEszQQRPK2lyz7uNRPrkxAZP0\"}")
public record EnrollmentRequest(
        @Size(max = 100) String name,
        @Schema(description = "EK certificate, PEM or base64 DER (tpm2_getekcertificate)") @Size(max = 20_000)
                String ekCertificate,
        @Schema(description = "EK public key, PEM SubjectPublicKeyInfo (tpm2_readpublic -f pem)") @Size(max = 10_000)
                String ekPublicKey,
        @Schema(description = "EK public area, base64 TPM2B_PUBLIC (tpm2_createek -u / tpm2_readpublic -o)")
                @Size(max = 4_000)
                String ekPublicArea,
        @Schema(description = "AK public area, base64 TPM2B_PUBLIC (tpm2_createak -u)", required = true)
                @Size(max = 4_000)
                String akPublicArea,
        @Schema(
                        description = "policy whose trustedEkCas the EK certificate must chain to, when it has any;"
                                + " default: the tenant's default policy")
                @Size(max = 64)
                String policy) {

    DeviceEnrollment toEnrollment() {
        return new DeviceEnrollment(name, ekCertificate, ekPublicKey, ekPublicArea, akPublicArea, policy);
    }
}
