package io.lotabots.identity.api;

import io.lotabots.identity.control.IdentityInput;
import io.lotabots.identity.entity.Role;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new API key: a name people recognise, the roles its tokens carry (at least one), and when it
 * stops working. The rules are the identity boundary's, shared with the console.
 */
@Schema(
        example =
                "{\"name\": \"release-pipeline\", \"roles\": [\"DEVELOPER\"], \"expiresAt\": \"2030-01-01T00:00:00Z\"}")
public record NewApiKeyRequest(
        @Schema(required = true, maxLength = IdentityInput.MAX_KEY_NAME) String name,
        @Schema(required = true, minItems = 1) Set<Role> roles,
        @Schema(description = "in the future; default: lotabots.identity.api-key.default-lifetime from now")
                Instant expiresAt) {}
