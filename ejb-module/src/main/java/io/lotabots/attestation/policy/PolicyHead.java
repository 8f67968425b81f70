package io.lotabots.attestation.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's policy name of one attestation type: which version is the latest, and whether the name was
 * deleted. Each type maps it to its own table ({@code hardware_policy}, {@code model_policy}) beside the
 * table of its versions' content.
 */
@MappedSuperclass
public abstract class PolicyHead {

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

    protected PolicyHead() {}

    protected PolicyHead(UUID tenantId, String name, Instant now) {
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
