package io.lotabots.attestation.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One immutable version of a model policy, as it was written. */
@Entity
@Table(name = "model_policy_version")
@NamedQuery(
        name = ModelPolicyVersion.ONE,
        query = "select v from ModelPolicyVersion v where v.tenantId = :tenantId and v.name = :name"
                + " and v.version = :version")
@NamedQuery(
        name = ModelPolicyVersion.NUMBERS,
        query = "select v.version from ModelPolicyVersion v where v.tenantId = :tenantId and v.name = :name"
                + " order by v.version")
public class ModelPolicyVersion {

    public static final String ONE = "ModelPolicyVersion.one";
    public static final String NUMBERS = "ModelPolicyVersion.numbers";

    @Id
    private UUID id;

    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;

    @Column(updatable = false)
    private String name;

    @Column(updatable = false)
    private int version;

    @Column(name = "trusted_keys", updatable = false)
    private String trustedKeys;

    @Column(name = "trusted_cas", updatable = false)
    private String trustedCas;

    @Column(name = "signature_required", updatable = false)
    private boolean signatureRequired;

    @Column(name = "suspicious_passes", updatable = false)
    private boolean suspiciousPasses;

    /** Lower-case format names separated by spaces; empty: every format. */
    @Column(name = "allowed_formats", updatable = false)
    private String allowedFormats;

    @Column(name = "max_size_bytes", updatable = false)
    private Long maxSizeBytes;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected ModelPolicyVersion() {}

    public ModelPolicyVersion(
            UUID tenantId,
            String name,
            int version,
            String trustedKeys,
            String trustedCas,
            boolean signatureRequired,
            boolean suspiciousPasses,
            String allowedFormats,
            Long maxSizeBytes,
            String createdBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.version = version;
        this.trustedKeys = trustedKeys;
        this.trustedCas = trustedCas;
        this.signatureRequired = signatureRequired;
        this.suspiciousPasses = suspiciousPasses;
        this.allowedFormats = allowedFormats;
        this.maxSizeBytes = maxSizeBytes;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public String trustedKeys() {
        return trustedKeys;
    }

    public String trustedCas() {
        return trustedCas;
    }

    public boolean signatureRequired() {
        return signatureRequired;
    }

    public boolean suspiciousPasses() {
        return suspiciousPasses;
    }

    public String allowedFormats() {
        return allowedFormats;
    }

    public Long maxSizeBytes() {
        return maxSizeBytes;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
