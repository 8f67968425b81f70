package io.lotabots.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Password login to one tenant. */
@Schema(example = "{\"tenant\": \"default\", \"username\": \"admin\", \"password\": \"correct horse battery staple\"}")
public record LoginRequest(
        @NotBlank @Size(max = 100) String tenant,
        @NotBlank @Size(max = 100) String username,
        @NotBlank @Size(max = 1024) String password) {}
