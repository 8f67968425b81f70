package io.lotabots.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A bot's credential: the secret is kept only as its SHA-256; roles, expiry and revocation decide what it may do. */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKey.BY_HASH, query = "select k from ApiKey k where k.keyHash = :hash")
@NamedQuery(
        name = ApiKey.PAGE_OF_TENANT,
        query = "select k from ApiKey k where k.tenantId = :tenantId and (k.createdAt > :afterTime"
                + " or (k.createdAt = :afterTime and k.id > :afterId)) order by k.createdAt, k.id")
public class ApiKey {

    public static final String BY_HASH = "ApiKey.byHash";
    public static final String PAGE_OF_TENANT = "ApiKey.pageOfTenant";

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String name;

    private String prefix;

    @Column(name = "key_hash")
    private String keyHash;

    private String roles;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiKey() {}

    public ApiKey(
            UUID id,
            UUID tenantId,
            String name,
            String prefix,
            String keyHash,
            Set<Role> roles,
            Instant expiresAt,
            UUID createdBy,
            Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.prefix = prefix;
        this.keyHash = keyHash;
        this.roles = RoleList.format(roles);
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Neither revoked nor past its expiry. */
    public boolean isUsable(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void used(Instant now) {
        this.lastUsedAt = now;
    }

    /** Revokes the key; revoking it again changes nothing. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            this.revokedAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public Set<Role> roles() {
        return RoleList.parse(roles);
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
