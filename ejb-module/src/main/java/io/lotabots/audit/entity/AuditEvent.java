package io.lotabots.audit.entity;

import io.lotabots.audit.control.AuditText;
import io.lotabots.platform.persistence.JsonObjectConverter;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One audited action. Written once; the only later change is the sealer filling the chain columns
 * (a database trigger refuses anything else). {@code id} is assigned by the database and orders
 * events by insertion; {@code chainSequence} is the event's position in its tenant's chain.
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(
        name = AuditEvent.UNSEALED,
        query = "select e from AuditEvent e where e.tenantId = :tenantId and e.chainHash is null order by e.id")
@NamedQuery(
        name = AuditEvent.TENANTS_WITH_UNSEALED,
        query = "select distinct e.tenantId from AuditEvent e where e.chainHash is null")
@NamedQuery(
        name = AuditEvent.SEALED_AFTER,
        query = "select e from AuditEvent e where e.tenantId = :tenantId and e.chainSequence > :after"
                + " order by e.chainSequence")
public class AuditEvent {

    public static final String UNSEALED = "AuditEvent.unsealed";
    public static final String TENANTS_WITH_UNSEALED = "AuditEvent.tenantsWithUnsealed";
    public static final String SEALED_AFTER = "AuditEvent.sealedAfter";

    @Column(insertable = false, updatable = false)
    private Long id;

    @Id
    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;

    @Column(updatable = false)
    private String actor;

    @Column(name = "actor_name", updatable = false)
    private String actorName;

    @Column(updatable = false)
    private String action;

    @Column(name = "target_type", updatable = false)
    private String targetType;

    @Column(name = "target_id", updatable = false)
    private String targetId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Outcome outcome;

    @Column(name = "source_ip", updatable = false)
    private String sourceIp;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    @Column(name = "occurred_at", updatable = false)
    private Instant occurredAt;

    @Convert(converter = JsonObjectConverter.class)
    @Column(columnDefinition = "jsonb", updatable = false)
    private JsonObject details;

    @Column(name = "chain_sequence")
    private Long chainSequence;

    @Column(name = "chain_hash")
    private byte[] chainHash;

    @Column(name = "sealed_at")
    private Instant sealedAt;

    protected AuditEvent() {}

    /**
     * A new, unsealed event. Text is made storable and cut to its column, never refused: an audit
     * row must not be what makes the audited action fail.
     */
    public AuditEvent(UUID eventId, UUID tenantId, Attribution who, What what, Instant occurredAt) {
        this.eventId = eventId;
        this.tenantId = tenantId;
        this.actor = AuditText.clean(who.actor(), 200);
        this.actorName = AuditText.clean(who.actorName(), 200);
        this.sourceIp = AuditText.clean(who.sourceIp(), 64);
        this.userAgent = AuditText.clean(who.userAgent(), 500);
        this.action = what.action();
        this.targetType = AuditText.clean(what.targetType(), 50);
        this.targetId = AuditText.clean(what.targetId(), 200);
        this.outcome = what.outcome();
        this.details = AuditText.clean(what.details());
        // the column keeps microseconds; the sealer hashes what the column holds
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** Who acted and from where. */
    public record Attribution(String actor, String actorName, String sourceIp, String userAgent) {}

    /** What was done, to what, and how it ended. */
    public record What(String action, String targetType, String targetId, Outcome outcome, JsonObject details) {}

    /** Places the event in its tenant's chain; once only. */
    public void seal(long sequence, byte[] hash, Instant now) {
        if (chainHash != null) {
            throw new IllegalStateException("event " + eventId + " is already sealed");
        }
        this.chainSequence = sequence;
        this.chainHash = hash.clone();
        this.sealedAt = now;
    }

    public Long id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String actor() {
        return actor;
    }

    public String actorName() {
        return actorName;
    }

    public String action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String sourceIp() {
        return sourceIp;
    }

    public String userAgent() {
        return userAgent;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public JsonObject details() {
        return details;
    }

    public Long chainSequence() {
        return chainSequence;
    }

    public byte[] chainHash() {
        return chainHash == null ? null : chainHash.clone();
    }

    public Instant sealedAt() {
        return sealedAt;
    }
}
