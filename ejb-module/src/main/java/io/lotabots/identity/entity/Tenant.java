package io.lotabots.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A customer organisation; every other row belongs to exactly one tenant. */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.BY_NAME, query = "select t from Tenant t where t.name = :name")
public class Tenant {

    public static final String BY_NAME = "Tenant.byName";

    @Id
    private UUID id;

    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

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
}
