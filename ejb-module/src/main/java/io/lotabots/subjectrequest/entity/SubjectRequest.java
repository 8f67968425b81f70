package io.lotabots.subjectrequest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A data-subject request with its GDPR clock, its decision and, for jobs, their progress and result. */
@Entity
@Table(name = "subject_request")
public class SubjectRequest {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    private RequestType type;

    private String subject;

    @Enumerated(EnumType.STRING)
    private RequestState state;

    private String description;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_by_name")
    private String requestedByName;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "extension_reason")
    private String extensionReason;

    @Column(name = "extended_by")
    private String extendedBy;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_by_name")
    private String decidedByName;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "completion_note")
    private String completionNote;

    private String step;

    @Column(name = "steps_done")
    private int stepsDone;

    private int attempts;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "result_key")
    private String resultKey;

    @Column(name = "result_sha256")
    private String resultSha256;

    @Column(name = "result_size")
    private Long resultSize;

    @Column(name = "expires_at")
    private Instant expiresAt;

    private String certificate;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected SubjectRequest() {}

    public SubjectRequest(
            UUID id,
            UUID tenantId,
            RequestType type,
            String subject,
            String description,
            String requestedBy,
            String requestedByName,
            Instant receivedAt,
            Instant dueAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.type = type;
        this.subject = subject;
        this.description = description;
        this.requestedBy = requestedBy;
        this.requestedByName = requestedByName;
        this.receivedAt = receivedAt;
        this.dueAt = dueAt;
        this.updatedAt = receivedAt;
        this.state = switch (type) {
            case EXPORT -> RequestState.PENDING;
            case ERASURE -> RequestState.AWAITING_APPROVAL;
            case RECTIFICATION -> RequestState.OPEN;
        };
    }

    public void extend(Instant newDue, String reason, String actor, Instant now) {
        this.dueAt = newDue;
        this.extensionReason = reason;
        this.extendedBy = actor;
        this.updatedAt = now;
    }

    public void decide(boolean approve, String actor, String actorName, String reason, Instant now) {
        this.state = approve ? RequestState.PENDING : RequestState.REJECTED;
        this.decidedBy = actor;
        this.decidedByName = actorName;
        this.decisionReason = reason;
        this.decidedAt = now;
        this.updatedAt = now;
        if (!approve) {
            this.completedAt = now;
        }
    }

    public void completeRectification(String note, String actor, String actorName, Instant now) {
        this.state = RequestState.COMPLETED;
        this.completionNote = note;
        this.decidedBy = actor;
        this.decidedByName = actorName;
        this.decidedAt = now;
        this.updatedAt = now;
        this.completedAt = now;
    }

    public void exported(String key, String sha256, long size, Instant expires, Instant now) {
        this.resultKey = key;
        this.resultSha256 = sha256;
        this.resultSize = size;
        this.expiresAt = expires;
        finish(now);
    }

    /** The archive deleted by the retention purge; the digest and expiry stay to say what was there until when. */
    public void archivePurged(Instant now) {
        this.resultKey = null;
        this.updatedAt = now;
    }

    public void erased(String certificateJson, Instant now) {
        this.certificate = certificateJson;
        finish(now);
    }

    private void finish(Instant now) {
        this.state = RequestState.COMPLETED;
        this.step = null;
        this.failureReason = null;
        this.updatedAt = now;
        this.completedAt = now;
    }

    public void stepDone(int done, String next, Instant now) {
        this.stepsDone = done;
        this.step = next;
        this.updatedAt = now;
    }

    /** Counts of the erasure steps done so far, kept in the certificate column until the certificate replaces them. */
    public void progress(String countsJson) {
        this.certificate = countsJson;
    }

    /** A failed attempt with attempts left: runnable again, the reason kept until one succeeds. */
    public void retryLater(String reason, Instant now) {
        this.state = RequestState.PENDING;
        this.failureReason = reason;
        this.updatedAt = now;
    }

    public void failed(String reason, Instant now) {
        this.state = RequestState.FAILED;
        this.failureReason = reason;
        this.updatedAt = now;
    }

    /** A failed job taken up again by an officer: it resumes after the steps it finished. */
    public void retry(Instant now) {
        this.state = RequestState.PENDING;
        this.attempts = 0;
        this.updatedAt = now;
    }

    /** The subject's names in the request itself, replaced once their erasure is done. */
    public void pseudonymiseRequester(String pseudonym) {
        if (subject.equals(requestedBy)) {
            requestedByName = pseudonym;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public RequestType type() {
        return type;
    }

    public String subject() {
        return subject;
    }

    public RequestState state() {
        return state;
    }

    public String description() {
        return description;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String requestedByName() {
        return requestedByName;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public String extensionReason() {
        return extensionReason;
    }

    public String extendedBy() {
        return extendedBy;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String decidedByName() {
        return decidedByName;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String completionNote() {
        return completionNote;
    }

    public String step() {
        return step;
    }

    public int stepsDone() {
        return stepsDone;
    }

    public int attempts() {
        return attempts;
    }

    public String failureReason() {
        return failureReason;
    }

    public String resultKey() {
        return resultKey;
    }

    public String resultSha256() {
        return resultSha256;
    }

    public Long resultSize() {
        return resultSize;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String certificate() {
        return certificate;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public long version() {
        return version;
    }
}
