package io.lotabots.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** One purpose of a tenant's catalogue: what is done, on which legal basis, under which policy version. */
@Entity
@Table(name = "consent_purpose")
@NamedQuery(
        name = ConsentPurpose.BY_CODE,
        query = "SELECT p FROM ConsentPurpose p WHERE p.tenantId = :tenant AND p.code = :code")
@NamedQuery(
        name = ConsentPurpose.ALL,
        query = "SELECT p FROM ConsentPurpose p WHERE p.tenantId = :tenant ORDER BY p.code")
@NamedQuery(
        name = ConsentPurpose.GATING,
        query = "SELECT p FROM ConsentPurpose p WHERE p.tenantId = :tenant"
                + " AND p.legalBasis = io.lotabots.consent.entity.LegalBasis.CONSENT AND p.requiredFor <> ''")
public class ConsentPurpose {

    public static final String BY_CODE = "ConsentPurpose.byCode";
    public static final String ALL = "ConsentPurpose.all";
    public static final String GATING = "ConsentPurpose.gating";

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String code;

    private String name;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis")
    private LegalBasis legalBasis;

    @Column(name = "required_for")
    private String requiredFor;

    @Column(name = "policy_version")
    private int policyVersion;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected ConsentPurpose() {}

    public ConsentPurpose(
            UUID id,
            UUID tenantId,
            String code,
            String name,
            String description,
            LegalBasis legalBasis,
            Set<ProcessingActivity> requiredFor,
            Instant createdAt,
            String createdBy) {
        this.id = id;
        this.tenantId = tenantId;
        this.code = code;
        this.name = name;
        this.description = description;
        this.legalBasis = legalBasis;
        this.requiredFor = requiredFor.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.policyVersion = 1;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** The next policy version becomes current; consents given under earlier ones stay on record as they were. */
    public int publishNextPolicy() {
        return ++policyVersion;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public LegalBasis legalBasis() {
        return legalBasis;
    }

    public Set<ProcessingActivity> requiredFor() {
        if (requiredFor.isEmpty()) {
            return EnumSet.noneOf(ProcessingActivity.class);
        }
        return Arrays.stream(requiredFor.split(","))
                .map(ProcessingActivity::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProcessingActivity.class)));
    }

    public int policyVersion() {
        return policyVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
