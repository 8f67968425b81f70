package io.lotabots.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Password login to one tenant (platform operators: the reserved name {@code platform}). {@code newPassword}
 * replaces a one-time password at the first login and is ignored otherwise.
 */
@Schema(example = "{\"tenant\": \"default\", \"username\": \"admin\", \"password\": \"correct horse battery staple\"}")
public record LoginRequest(
        @NotBlank @Size(max = 100) String tenant,
        @NotBlank @Size(max = 100) String username,
        @NotBlank @Size(max = 1024) String password,
        @Size(max = 1024) String newPassword) {}
