package io.lotabots.identity.boundary;

import io.lotabots.identity.entity.Role;
import io.lotabots.identity.entity.UserAccount;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A user as administrators see it; never the password hash. {@code version} is the ETag. */
public record UserView(
        UUID id,
        String username,
        Set<Role> roles,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLoginAt,
        long version) {

    static UserView of(UserAccount account) {
        return new UserView(
                account.id(),
                account.username(),
                account.roles(),
                account.enabled(),
                account.createdAt(),
                account.updatedAt(),
                account.lastLoginAt(),
                account.version());
    }
}
