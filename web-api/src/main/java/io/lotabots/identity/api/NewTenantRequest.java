package io.lotabots.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new tenant: its name (what its users type at login; lower-case letters, digits and inner hyphens,
 * not the reserved {@code platform}) and its first administrator's username ({@code admin} when absent).
 */
@Schema(example = "{\"name\": \"acme-robotics\", \"adminUsername\": \"dana\"}")
public record NewTenantRequest(
        @NotBlank
                @Size(max = 63)
                @Pattern(
                        regexp = "(?!platform$)[a-z0-9]([a-z0-9-]*[a-z0-9])?",
                        message = "must be lower-case letters, digits and inner hyphens, and not the reserved name"
                                + " platform")
                String name,
        @Size(min = 1, max = 100)
                @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "may contain only letters, digits and . _ @ -")
                String adminUsername) {

    String adminUsernameOrDefault() {
        return adminUsername == null ? "admin" : adminUsername;
    }
}
