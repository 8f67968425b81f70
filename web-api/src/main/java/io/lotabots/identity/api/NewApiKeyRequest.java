package io.lotabots.identity.api;

import io.lotabots.identity.entity.Role;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new API key: a name people recognise, the roles its tokens carry, and when it stops working. */
@Schema(
        example =
                "{\"name\": \"release-pipeline\", \"roles\": [\"DEVELOPER\"], \"expiresAt\": \"2030-01-01T00:00:00Z\"}")
public record NewApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty Set<@NotNull Role> roles,
        @Future @Schema(description = "default: lotabots.identity.api-key.default-lifetime from now")
                Instant expiresAt) {}
