package io.lotabots.retention.entity;

import io.lotabots.platform.persistence.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A legal hold: placed with a reason, released (never deleted) with another, each by a named actor. */
@Entity
@Table(name = "legal_hold")
public class LegalHold {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    private HoldScope scope;

    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(name = "object_type")
    private HeldObjectType objectType;

    @Column(name = "object_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID objectId;

    private String reason;

    @Column(name = "placed_by")
    private String placedBy;

    @Column(name = "placed_by_name")
    private String placedByName;

    @Column(name = "placed_at")
    private Instant placedAt;

    @Column(name = "released_by")
    private String releasedBy;

    @Column(name = "released_by_name")
    private String releasedByName;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "release_reason")
    private String releaseReason;

    protected LegalHold() {}

    public LegalHold(
            UUID id,
            UUID tenantId,
            HoldScope scope,
            String subject,
            HeldObjectType objectType,
            UUID objectId,
            String reason,
            String placedBy,
            String placedByName,
            Instant placedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.scope = scope;
        this.subject = subject;
        this.objectType = objectType;
        this.objectId = objectId;
        this.reason = reason;
        this.placedBy = placedBy;
        this.placedByName = placedByName;
        this.placedAt = placedAt;
    }

    public void release(String actor, String actorName, Instant at, String why) {
        this.releasedBy = actor;
        this.releasedByName = actorName;
        this.releasedAt = at;
        this.releaseReason = why;
    }

    public boolean active() {
        return releasedAt == null;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public HoldScope scope() {
        return scope;
    }

    public String subject() {
        return subject;
    }

    public HeldObjectType objectType() {
        return objectType;
    }

    public UUID objectId() {
        return objectId;
    }

    public String reason() {
        return reason;
    }

    public String placedBy() {
        return placedBy;
    }

    public String placedByName() {
        return placedByName;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public String releasedBy() {
        return releasedBy;
    }

    public String releasedByName() {
        return releasedByName;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    public String releaseReason() {
        return releaseReason;
    }
}
