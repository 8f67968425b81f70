package io.lotabots.attestation.hardware.api;

import io.lotabots.attestation.hardware.boundary.PolicyContent;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A hardware policy version as sent; {@code name} only on create (PUT takes it from the path). */
@Schema(
        example = "{\"name\": \"build-fleet\", \"pcrSelection\": \"sha256:0,1,2,3,4,5,6,7\","
                + " \"referenceValues\": {\"sha256:0\": [\"3d458cfe55cc03ea1f443f1562beec8df51c75e14a9fcf9a7234a13f198e7969\"]},"
                + " \"eventLogRequired\": false, \"trustedAkCas\": [], \"trustedEkCas\":"
                + " [\"-----BEGIN CERTIFICATE-----\\nMIIC…\\n-----END CERTIFICATE-----\\n\"],"
                + " \"enrolledDeviceRequired\": true}")
public record PolicyRequest(
        @Size(max = 64) String name,
        @Schema(description = "tpm2-tools syntax; ranges allowed: sha256:0-7+sha1:7", required = true) @Size(max = 300)
                String pcrSelection,
        @Schema(
                        description =
                                "allowed digests (hex) per PCR, keyed bank:index; PCRs without an entry may hold anything")
                @Size(max = 96)
                Map<String, List<String>> referenceValues,
        Boolean eventLogRequired,
        @Schema(description = "PEM; each item may hold several certificates") @Size(max = 16) List<String> trustedAkCas,
        @Schema(description = "PEM; each item may hold several certificates") @Size(max = 16) List<String> trustedEkCas,
        Boolean enrolledDeviceRequired) {

    PolicyContent toContent() {
        return new PolicyContent(
                pcrSelection, referenceValues, eventLogRequired, trustedAkCas, trustedEkCas, enrolledDeviceRequired);
    }
}
