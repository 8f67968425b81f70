package io.lotabots.audit.entity;

import io.lotabots.audit.control.AuditText;
import io.lotabots.audit.control.PersonalValues;
import io.lotabots.audit.control.PersonalValues.Party;
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
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One audited action. Written once; the only later change is the sealer filling the chain columns
 * (a database trigger refuses anything else). {@code id} is assigned by the database and orders
 * events by insertion; {@code chainSequence} is the event's position in its tenant's chain.
 *
 * <p>Events are written in format 2: the personal values go to {@link AuditPersonal} rows, which an
 * erasure can pseudonymise, and the event keeps their keyed digests. Format 1 (before V44) kept them in
 * this row, where they stay.
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

    @Column(updatable = false)
    private int format;

    @Column(name = "actor_digest", updatable = false)
    private byte[] actorDigest;

    @Column(name = "target_digest", updatable = false)
    private byte[] targetDigest;

    /** The personal parts written with a new event; persisted by the audit trail after the event. */
    @Transient
    private List<AuditPersonal> personalParts = List.of();

    protected AuditEvent() {}

    /**
     * A new, unsealed event in format 2. Text is made storable and cut to its column, never refused: an
     * audit row must not be what makes the audited action fail.
     */
    public AuditEvent(UUID eventId, UUID tenantId, Attribution who, What what, Instant occurredAt) {
        this(eventId, tenantId, who, what, occurredAt, 2);
    }

    /** A format-1 event, as written before V44 (the personal values in this row); for tests of old trails. */
    public static AuditEvent formatOne(UUID eventId, UUID tenantId, Attribution who, What what, Instant occurredAt) {
        return new AuditEvent(eventId, tenantId, who, what, occurredAt, 1);
    }

    private AuditEvent(UUID eventId, UUID tenantId, Attribution who, What what, Instant occurredAt, int format) {
        this.eventId = eventId;
        this.tenantId = tenantId;
        this.format = format;
        this.actor = AuditText.clean(who.actor(), 200);
        String name = AuditText.clean(who.actorName(), 200);
        String ip = AuditText.clean(who.sourceIp(), 64);
        String agent = AuditText.clean(who.userAgent(), 500);
        this.action = what.action();
        this.targetType = AuditText.clean(what.targetType(), 50);
        this.targetId = AuditText.clean(what.targetId(), 200);
        this.outcome = what.outcome();
        JsonObject cleanDetails = AuditText.clean(what.details());
        // the column keeps microseconds; the sealer hashes what the column holds
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        if (format == 1) {
            this.actorName = name;
            this.sourceIp = ip;
            this.userAgent = agent;
            this.details = cleanDetails;
            return;
        }
        var split = PersonalValues.split(name, ip, agent, cleanDetails, targetId != null);
        this.details = split.details();
        var parts = new ArrayList<AuditPersonal>();
        split.actor().ifPresent(values -> {
            var part = new AuditPersonal(eventId, Party.ACTOR, tenantId, actor, values);
            this.actorDigest = part.digest();
            parts.add(part);
        });
        split.target().ifPresent(values -> {
            var part = new AuditPersonal(eventId, Party.TARGET, tenantId, targetId, values);
            this.targetDigest = part.digest();
            parts.add(part);
        });
        this.personalParts = List.copyOf(parts);
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

    public int format() {
        return format;
    }

    public byte[] actorDigest() {
        return actorDigest == null ? null : actorDigest.clone();
    }

    public byte[] targetDigest() {
        return targetDigest == null ? null : targetDigest.clone();
    }

    /** The personal parts of a new format-2 event, to be persisted with it; empty on an event read back. */
    public List<AuditPersonal> personalParts() {
        return personalParts;
    }
}
