package io.lotabots.attestation.entity;

import io.lotabots.platform.persistence.JsonObjectConverter;
import io.lotabots.platform.persistence.NullableUuidConverter;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One attestation job. {@code updatedAt} is the lease: a PENDING or PROCESSING job untouched for
 * longer than the lease is taken up again by the sweeper. {@code attempts} counts processing starts,
 * so a verdict written by an attempt that lost its lease is recognised and discarded.
 */
@Entity
@Table(name = "attestation")
// The status lists are literals, not parameters: only then can PostgreSQL's generic plan of the prepared
// statement use the partial index of unfinished jobs; with bound statuses it scanned the whole table.
@NamedNativeQuery(
        name = Attestation.STALE,
        query = "select * from lotabots.attestation where status in ('PENDING', 'PROCESSING') and updated_at < ?"
                + " order by updated_at limit 500 for update skip locked",
        resultClass = Attestation.class)
@NamedNativeQuery(
        name = Attestation.UNFINISHED,
        query = "select count(*) from lotabots.attestation where type = ? and status in ('PENDING', 'PROCESSING')")
public class Attestation {

    public static final String STALE = "Attestation.stale";
    public static final String UNFINISHED = "Attestation.unfinished";

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    private AttestationType type;

    @Enumerated(EnumType.STRING)
    private AttestationStatus status;

    @Enumerated(EnumType.STRING)
    private Verdict verdict;

    @Column(name = "policy_name")
    private String policyName;

    @Column(name = "policy_version")
    private int policyVersion;

    private String nonce;

    @Column(name = "nonce_status")
    private String nonceStatus;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "device_id")
    private UUID deviceId;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "evidence_key")
    private String evidenceKey;

    @Column(name = "evidence_digest")
    private String evidenceDigest;

    @Column(name = "report_key")
    private String reportKey;

    @Convert(converter = JsonObjectConverter.class)
    @Column(columnDefinition = "jsonb")
    private JsonObject result;

    private String token;

    @Column(name = "failure_reason")
    private String failureReason;

    private int attempts;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    /** When retention deleted the evidence object (the row stays as a tombstone); null while it is kept. */
    @Column(name = "evidence_purged_at", insertable = false, updatable = false)
    private Instant evidencePurgedAt;

    /** When retention deleted the report objects; null while they are kept. */
    @Column(name = "reports_purged_at", insertable = false, updatable = false)
    private Instant reportsPurgedAt;

    @Version
    private long version;

    protected Attestation() {}

    /** A new job waiting for its first processing attempt. */
    public static Attestation pending(NewAttestation spec, String evidenceKey, String evidenceDigest, Instant now) {
        var a = new Attestation();
        a.id = spec.id();
        a.tenantId = spec.tenantId();
        a.type = spec.type();
        a.status = AttestationStatus.PENDING;
        a.policyName = spec.policyName();
        a.policyVersion = spec.policyVersion();
        a.nonce = spec.nonceHex();
        a.nonceStatus = spec.nonceStatus();
        a.deviceId = spec.deviceId();
        a.submittedBy = spec.submittedBy();
        a.evidenceKey = evidenceKey;
        a.evidenceDigest = evidenceDigest;
        a.submittedAt = now;
        a.updatedAt = now;
        return a;
    }

    /** Starts one processing attempt and its lease. */
    public void claim(Instant now) {
        this.status = AttestationStatus.PROCESSING;
        this.attempts++;
        this.updatedAt = now;
    }

    /** The final verdict of an appraisal: REJECTED when contraindicated, VERIFIED otherwise (also with a warning). */
    public void decide(Verdict verdict, String reportKey, JsonObject result, String token, Instant now) {
        this.status = verdict == Verdict.CONTRAINDICATED ? AttestationStatus.REJECTED : AttestationStatus.VERIFIED;
        this.verdict = verdict;
        this.failureReason = null; // an outage an earlier attempt met is no part of the verdict
        this.reportKey = reportKey;
        this.result = result;
        this.token = token;
        this.updatedAt = now;
        this.completedAt = now;
    }

    /** Gives up: no verdict could be reached. */
    public void fail(String reason, Instant now) {
        this.status = AttestationStatus.FAILED;
        this.failureReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.updatedAt = now;
        this.completedAt = now;
    }

    /** Back in the queue for another attempt (lost message, dead server, failed attempt). */
    public void requeue(Instant now) {
        this.status = AttestationStatus.PENDING;
        this.updatedAt = now;
    }

    /**
     * Back in the queue after an attempt that a dependency outage stopped: the attempt is not counted,
     * so an outage of any length costs the job nothing; the reason stays visible until the verdict.
     */
    public void requeueAfterOutage(String reason, Instant now) {
        this.status = AttestationStatus.PENDING;
        this.attempts--;
        this.failureReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public AttestationType type() {
        return type;
    }

    public AttestationStatus status() {
        return status;
    }

    public Verdict verdict() {
        return verdict;
    }

    public String policyName() {
        return policyName;
    }

    public int policyVersion() {
        return policyVersion;
    }

    public String nonce() {
        return nonce;
    }

    public String nonceStatus() {
        return nonceStatus;
    }

    public UUID deviceId() {
        return deviceId;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public String evidenceKey() {
        return evidenceKey;
    }

    public String evidenceDigest() {
        return evidenceDigest;
    }

    public String reportKey() {
        return reportKey;
    }

    public JsonObject result() {
        return result;
    }

    public String token() {
        return token;
    }

    public String failureReason() {
        return failureReason;
    }

    public int attempts() {
        return attempts;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant evidencePurgedAt() {
        return evidencePurgedAt;
    }

    public Instant reportsPurgedAt() {
        return reportsPurgedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
