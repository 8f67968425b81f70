package io.lotabots.attestation.hardware.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A tenant's policy name: which version is the latest, and whether the name was deleted. */
@Entity
@Table(name = "hardware_policy")
@IdClass(HardwarePolicyName.Key.class)
@NamedQuery(
        name = HardwarePolicyName.PAGE_OF_TENANT,
        query = "select p from HardwarePolicyName p where p.tenantId = :tenantId and p.deletedAt is null"
                + " and p.name > :afterName order by p.name")
public class HardwarePolicyName {

    public static final String PAGE_OF_TENANT = "HardwarePolicyName.pageOfTenant";

    /** The primary key: tenant and name. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID tenantId;
        private String name;

        public Key() {}

        public Key(UUID tenantId, String name) {
            this.tenantId = tenantId;
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId) && Objects.equals(name, key.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, name);
        }
    }

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Id
    private String name;

    @Column(name = "latest_version")
    private int latestVersion;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected HardwarePolicyName() {}

    public HardwarePolicyName(UUID tenantId, String name, Instant now) {
        this.tenantId = tenantId;
        this.name = name;
        this.latestVersion = 0;
        this.createdAt = now;
    }

    /** The number of the next version, which becomes the latest. */
    public int nextVersion() {
        latestVersion++;
        return latestVersion;
    }

    /** A deleted name comes back with its next version; its old versions stay as they were. */
    public void restore() {
        deletedAt = null;
    }

    public void delete(Instant now) {
        deletedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public int latestVersion() {
        return latestVersion;
    }
}
