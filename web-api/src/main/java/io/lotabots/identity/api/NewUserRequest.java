package io.lotabots.identity.api;

import io.lotabots.identity.control.IdentityInput;
import io.lotabots.identity.entity.Role;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new user of the caller's tenant. Its rules (a username, at least one role, the password policy)
 * are the identity boundary's, which the console applies too; they are only described here.
 */
@Schema(
        example = "{\"username\": \"dana.ops\", \"password\": \"violet staple orbit lantern\","
                + " \"roles\": [\"OPERATOR\"]}")
public record NewUserRequest(
        @Schema(required = true, maxLength = IdentityInput.MAX_USERNAME, pattern = IdentityInput.USERNAME_PATTERN)
                String username,
        @Schema(
                        required = true,
                        maxLength = IdentityInput.MAX_PASSWORD,
                        description = "checked by the password policy: long enough, not the username, not common")
                String password,
        @Schema(required = true, minItems = 1) Set<Role> roles) {}
