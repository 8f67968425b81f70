package io.lotabots.identity.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new password (its rules are the identity boundary's: size and the password policy); users
 * changing their own also give the current one (administrators need not).
 */
@Schema(
        example =
                "{\"password\": \"a brand new long passphrase\", \"currentPassword\": \"violet staple orbit lantern\"}")
public record PasswordChangeRequest(
        @Schema(required = true) String password, @Size(max = 1024) String currentPassword) {}
