package io.lotabots.attestation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One review of an attestation's verdict. Reviews are never changed: a newer review marks the one
 * before it superseded, so the history stays and exactly one review per attestation is current.
 */
@Entity
@Table(name = "attestation_review")
@NamedQuery(
        name = AttestationReview.CURRENT,
        query = "select r from AttestationReview r where r.tenantId = :tenant and r.attestationId in :ids"
                + " and r.supersededAt is null")
@NamedQuery(
        name = AttestationReview.HISTORY,
        query = "select r from AttestationReview r where r.tenantId = :tenant and r.attestationId = :id"
                + " order by r.reviewedAt desc, r.id")
public class AttestationReview {

    public static final String CURRENT = "AttestationReview.current";
    public static final String HISTORY = "AttestationReview.history";

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "attestation_id")
    private UUID attestationId;

    @Enumerated(EnumType.STRING)
    private ReviewDecision decision;

    private String justification;

    private String reviewer;

    @Column(name = "reviewer_name")
    private String reviewerName;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    protected AttestationReview() {}

    public AttestationReview(
            UUID tenantId,
            UUID attestationId,
            ReviewDecision decision,
            String justification,
            String reviewer,
            String reviewerName,
            Instant reviewedAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.attestationId = attestationId;
        this.decision = decision;
        this.justification = justification;
        this.reviewer = reviewer;
        this.reviewerName = reviewerName;
        this.reviewedAt = reviewedAt;
    }

    public void supersede(Instant now) {
        supersededAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID attestationId() {
        return attestationId;
    }

    public ReviewDecision decision() {
        return decision;
    }

    public String justification() {
        return justification;
    }

    public String reviewer() {
        return reviewer;
    }

    public String reviewerName() {
        return reviewerName;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public Instant supersededAt() {
        return supersededAt;
    }
}
