package io.lotabots.attestation.hardware.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The secret {@code tpm2_activatecredential -o} recovered, base64. */
@Schema(example = "{\"secret\": \"3q2+7wEjRWeJq83vASNFZ4mrze8BI0VniavN7wEjRWc=\"}")
public record ActivationRequest(@NotBlank @Size(max = 200) String secret) {}
