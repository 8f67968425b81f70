package io.lotabots.smoke.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a caller sends to start a smoke check. */
@Schema(name = "SmokeCheckRequest", example = "{\"message\": \"hello from the release pipeline\"}")
public record SmokeCheckRequest(@NotBlank @Size(max = 500) String message) {}
