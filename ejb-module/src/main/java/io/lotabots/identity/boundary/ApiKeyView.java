package io.lotabots.identity.boundary;

import io.lotabots.identity.entity.ApiKey;
import io.lotabots.identity.entity.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API key as listed: its display prefix, never its secret or hash. */
public record ApiKeyView(
        UUID id,
        String name,
        String prefix,
        Set<Role> roles,
        Instant expiresAt,
        Instant revokedAt,
        UUID createdBy,
        Instant createdAt,
        Instant lastUsedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(
                key.id(),
                key.name(),
                key.prefix(),
                key.roles(),
                key.expiresAt(),
                key.revokedAt(),
                key.createdBy(),
                key.createdAt(),
                key.lastUsedAt());
    }
}
