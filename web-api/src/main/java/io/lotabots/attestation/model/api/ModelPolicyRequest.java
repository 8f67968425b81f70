package io.lotabots.attestation.model.api;

import io.lotabots.attestation.model.boundary.ModelPolicyContent;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A model policy version as sent; {@code name} only on create (PUT takes it from the path). */
@Schema(
        example = "{\"name\": \"signed-only\", \"trustedKeys\": [\"-----BEGIN PUBLIC KEY-----\\nMFkw…\\n-----END PUBLIC"
                + " KEY-----\\n\"], \"trustedCas\": [], \"signatureRequired\": true, \"suspiciousPasses\": false,"
                + " \"allowedFormats\": [\"safetensors\", \"gguf\"], \"maxSizeBytes\": 17179869184}")
public record ModelPolicyRequest(
        @Size(max = 64) String name,
        @Schema(description = "ECDSA P-256/P-384/P-521 public keys, PEM; each item may hold several") @Size(max = 16)
                List<String> trustedKeys,
        @Schema(description = "CA certificates, PEM; each item may hold several") @Size(max = 16)
                List<String> trustedCas,
        @Schema(description = "a model without a valid signature fails; needs a trusted key or CA")
                Boolean signatureRequired,
        @Schema(description = "a model whose worst finding is suspicious passes") Boolean suspiciousPasses,
        @Schema(description = "formats every file must have (lower case); empty or absent: every format")
                @Size(max = 32)
                List<String> allowedFormats,
        @Schema(description = "the largest model (all files, bytes) that passes; absent: no limit") Long maxSizeBytes) {

    ModelPolicyContent toContent() {
        return new ModelPolicyContent(
                trustedKeys, trustedCas, signatureRequired, suspiciousPasses, allowedFormats, maxSizeBytes);
    }
}
