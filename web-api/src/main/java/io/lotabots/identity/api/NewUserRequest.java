package io.lotabots.identity.api;

import io.lotabots.identity.entity.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new user of the caller's tenant; the password policy checks the password (length, not common). */
@Schema(
        example = "{\"username\": \"dana.ops\", \"password\": \"violet staple orbit lantern\","
                + " \"roles\": [\"OPERATOR\"]}")
public record NewUserRequest(
        @NotBlank
                @Size(max = 100)
                @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "may contain only letters, digits and . _ @ -")
                String username,
        @NotNull @Size(max = 1024) String password,
        @NotEmpty Set<@NotNull Role> roles) {}
