package io.lotabots.identity.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new password; users changing their own also give the current one (administrators need not). */
@Schema(
        example =
                "{\"password\": \"a brand new long passphrase\", \"currentPassword\": \"violet staple orbit lantern\"}")
public record PasswordChangeRequest(
        @NotNull @Size(max = 1024) String password, @Size(max = 1024) String currentPassword) {}
