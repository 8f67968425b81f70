package io.lotabots.audit.entity;

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
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One party's personal values of a format-2 audit event, kept outside the hashed row with the secret of its
 * digest. Written with the event; the only later change is an erasure (native, by subject), which a database
 * trigger holds to that shape.
 */
@Entity
@Table(name = "audit_personal")
@IdClass(AuditPersonal.Key.class)
@NamedQuery(name = AuditPersonal.OF_EVENTS, query = "select p from AuditPersonal p where p.eventId in :eventIds")
public class AuditPersonal {

    public static final String OF_EVENTS = "AuditPersonal.ofEvents";

    @Id
    @Column(name = "event_id", updatable = false)
    private UUID eventId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Party party;

    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;

    @Column(updatable = false)
    private String subject;

    @Convert(converter = JsonObjectConverter.class)
    @Column(columnDefinition = "jsonb", updatable = false)
    private JsonObject personal;

    @Column(updatable = false)
    private byte[] secret;

    @Column(name = "erased_at", updatable = false)
    private Instant erasedAt;

    @Column(updatable = false)
    private String pseudonym;

    protected AuditPersonal() {}

    /** A party's values with a fresh secret; {@link #digest()} is what the event's hashed form holds. */
    AuditPersonal(UUID eventId, Party party, UUID tenantId, String subject, JsonObject personal) {
        this.eventId = eventId;
        this.party = party;
        this.tenantId = tenantId;
        this.subject = subject;
        this.personal = personal;
        this.secret = PersonalValues.newSecret();
    }

    public byte[] digest() {
        return PersonalValues.digest(secret, personal);
    }

    /** The values with the secret, or with none once erased. */
    public PersonalValues.Stored stored() {
        return new PersonalValues.Stored(personal, secret == null ? null : secret.clone());
    }

    public UUID eventId() {
        return eventId;
    }

    public Party party() {
        return party;
    }

    public String subject() {
        return subject;
    }

    /** The values as they read now: the pseudonym in place of each once erased. */
    public JsonObject personal() {
        return personal;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    public String pseudonym() {
        return pseudonym;
    }

    /** The composite key: one part per event and party. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private UUID eventId;
        private Party party;

        public Key() {}

        public Key(UUID eventId, Party party) {
            this.eventId = eventId;
            this.party = party;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(eventId, k.eventId) && party == k.party;
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventId, party);
        }
    }
}
