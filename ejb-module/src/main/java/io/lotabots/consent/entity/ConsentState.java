package io.lotabots.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A subject's current answer for one purpose, read here; written only by one upsert (ConsentStates). */
@Entity
@Table(name = "consent_state")
@IdClass(ConsentState.Key.class)
public class ConsentState {

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Id
    private String subject;

    @Id
    @Column(name = "purpose_id")
    private UUID purposeId;

    private boolean granted;

    @Column(name = "policy_version")
    private int policyVersion;

    @Column(name = "record_id")
    private UUID recordId;

    @Column(name = "changed_at")
    private Instant changedAt;

    protected ConsentState() {}

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

    public UUID recordId() {
        return recordId;
    }

    public Instant changedAt() {
        return changedAt;
    }

    /** The composite key: tenant, subject, purpose. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID tenantId;
        private String subject;
        private UUID purposeId;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(k.tenantId, tenantId)
                    && Objects.equals(k.subject, subject)
                    && Objects.equals(k.purposeId, purposeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, subject, purposeId);
        }
    }
}
