package io.lotabots.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One grant or withdrawal, as it happened, with the receipt the subject was given. Never changed. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String subject;

    @Column(name = "purpose_id")
    private UUID purposeId;

    private boolean granted;

    @Column(name = "policy_version")
    private int policyVersion;

    @Enumerated(EnumType.STRING)
    private ConsentSource source;

    private String actor;

    @Column(name = "actor_name")
    private String actorName;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    private String receipt;

    protected ConsentRecord() {}

    public ConsentRecord(
            UUID id,
            UUID tenantId,
            String subject,
            UUID purposeId,
            boolean granted,
            int policyVersion,
            ConsentSource source,
            String actor,
            String actorName,
            Instant recordedAt,
            String receipt) {
        this.id = id;
        this.tenantId = tenantId;
        this.subject = subject;
        this.purposeId = purposeId;
        this.granted = granted;
        this.policyVersion = policyVersion;
        this.source = source;
        this.actor = actor;
        this.actorName = actorName;
        this.recordedAt = recordedAt;
        this.receipt = receipt;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String subject() {
        return subject;
    }

    public UUID purposeId() {
        return purposeId;
    }

    public boolean granted() {
        return granted;
    }

    public int policyVersion() {
        return policyVersion;
    }

    public ConsentSource source() {
        return source;
    }

    public String actor() {
        return actor;
    }

    public String actorName() {
        return actorName;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** The receipt's JSON text exactly as the subject was given it. */
    public String receipt() {
        return receipt;
    }
}
