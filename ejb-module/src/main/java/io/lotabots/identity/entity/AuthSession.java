package io.lotabots.identity.entity;

import io.lotabots.platform.persistence.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** One login: access tokens name it ("sid"), refresh tokens extend it, logout or reuse revokes it. */
@Entity
@Table(name = "auth_session")
public class AuthSession {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "user_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID userId;

    private String roles;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason")
    private String revokedReason;

    @Column(name = "api_key_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID apiKeyId;

    protected AuthSession() {}

    public AuthSession(UUID id, UUID tenantId, UUID userId, Set<Role> roles, Instant now, Duration maxLifetime) {
        this.id = id;
        this.tenantId = tenantId;
        this.userId = userId;
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = now.plus(maxLifetime);
    }

    /** A client-credentials session of an API key: no user, and it lives as long as its one access token. */
    public static AuthSession forApiKey(
            UUID id, UUID tenantId, UUID apiKeyId, Set<Role> roles, Instant now, Duration lifetime) {
        var session = new AuthSession(id, tenantId, null, roles, now, lifetime);
        session.apiKeyId = apiKeyId;
        return session;
    }

    /** Usable now: not revoked, not past its maximum lifetime, not idle for longer than allowed. */
    public boolean isActive(Instant now, Duration idleTimeout) {
        return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(lastUsedAt.plus(idleTimeout));
    }

    public void used(Instant now) {
        this.lastUsedAt = now;
    }

    public void revoke(Instant now, String reason) {
        if (revokedAt == null) {
            this.revokedAt = now;
            this.revokedReason = reason;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID userId() {
        return userId;
    }

    public Set<Role> roles() {
        var set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(","))
                .filter(r -> !r.isBlank())
                .map(Role::valueOf)
                .forEach(set::add);
        return set;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
