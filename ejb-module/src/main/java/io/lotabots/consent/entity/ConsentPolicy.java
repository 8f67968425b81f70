package io.lotabots.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One version of a purpose's policy text: what the subject was shown when they consented. Never changed. */
@Entity
@Table(name = "consent_policy")
@IdClass(ConsentPolicy.Key.class)
@NamedQuery(
        name = ConsentPolicy.OF_PURPOSE,
        query = "SELECT p FROM ConsentPolicy p WHERE p.purposeId = :purpose ORDER BY p.version DESC")
public class ConsentPolicy {

    public static final String OF_PURPOSE = "ConsentPolicy.ofPurpose";

    @Id
    @Column(name = "purpose_id")
    private UUID purposeId;

    @Id
    private int version;

    private String text;

    private String url;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    protected ConsentPolicy() {}

    public ConsentPolicy(UUID purposeId, int version, String text, String url, Instant publishedAt, String by) {
        this.purposeId = purposeId;
        this.version = version;
        this.text = text;
        this.url = url;
        this.publishedAt = publishedAt;
        this.publishedBy = by;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public String url() {
        return url;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    /** The composite key: a purpose and a version number. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID purposeId;
        private int version;

        public Key() {}

        public Key(UUID purposeId, int version) {
            this.purposeId = purposeId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.purposeId, purposeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(purposeId, version);
        }
    }
}
