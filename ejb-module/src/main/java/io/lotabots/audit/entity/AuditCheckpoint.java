package io.lotabots.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed statement of a tenant's chain head after a sealing run; also kept in S3. Never changed. */
@Entity
@Table(name = "audit_checkpoint")
@NamedQuery(
        name = AuditCheckpoint.LATEST,
        query = "select c from AuditCheckpoint c where c.tenantId = :tenantId order by c.chainSequence desc")
public class AuditCheckpoint {

    public static final String LATEST = "AuditCheckpoint.latest";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "chain_sequence")
    private long chainSequence;

    @Column(name = "chain_hash")
    private byte[] chainHash;

    private String jws;

    @Column(name = "object_key")
    private String objectKey;

    @Column(name = "created_at")
    private Instant createdAt;

    protected AuditCheckpoint() {}

    public AuditCheckpoint(
            UUID tenantId, long chainSequence, byte[] chainHash, String jws, String objectKey, Instant createdAt) {
        this.tenantId = tenantId;
        this.chainSequence = chainSequence;
        this.chainHash = chainHash.clone();
        this.jws = jws;
        this.objectKey = objectKey;
        this.createdAt = createdAt;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public long chainSequence() {
        return chainSequence;
    }

    public byte[] chainHash() {
        return chainHash.clone();
    }

    public String jws() {
        return jws;
    }

    public String objectKey() {
        return objectKey;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
