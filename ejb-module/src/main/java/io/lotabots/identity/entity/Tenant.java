package io.lotabots.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer organisation; every other row belongs to exactly one tenant. One row is not a customer:
 * the platform pseudo-tenant ({@link #PLATFORM_ID}, named {@link #PLATFORM_NAME}), which holds the
 * platform operators' accounts and shares its id with the audit trail's platform chain.
 */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.BY_NAME, query = "select t from Tenant t where t.name = :name")
@NamedQuery(
        name = Tenant.PAGE,
        query = "select t from Tenant t where t.id <> :platform and t.name > :after order by t.name")
// FOR SHARE: a login or key exchange holds it until its session commits, so a suspension that commits
// meanwhile waits for it and then revokes that session too (or the login waits and sees the suspension)
@NamedNativeQuery(
        name = Tenant.SUSPENDED_AT,
        query = "select suspended_at from lotabots.tenant where id = ?1 for share")
public class Tenant {

    public static final String BY_NAME = "Tenant.byName";
    public static final String PAGE = "Tenant.page";
    public static final String SUSPENDED_AT = "Tenant.suspendedAtForShare";

    /** The platform pseudo-tenant: the id of the audit trail's platform chain. */
    public static final UUID PLATFORM_ID = new UUID(0, 0);

    /** The tenant name platform operators log in with; no real tenant may take it. */
    public static final String PLATFORM_NAME = "platform";

    @Id
    private UUID id;

    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Version
    private long version;

    protected Tenant() {}

    public Tenant(UUID id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When it was suspended, or null while it is active. */
    public Instant suspendedAt() {
        return suspendedAt;
    }

    public boolean isSuspended() {
        return suspendedAt != null;
    }

    public boolean isPlatform() {
        return PLATFORM_ID.equals(id);
    }

    public void suspend(Instant now) {
        this.suspendedAt = now;
    }

    public void resume() {
        this.suspendedAt = null;
    }
}
