package io.lotabots.smoke.entity;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One smoke check: its input and result live in S3, its state here. */
@Entity
@Table(name = "smoke_check")
@NamedQuery(
        name = SmokeCheck.STALE,
        query = "select s from SmokeCheck s where s.status = :status and s.updatedAt < :before order by s.updatedAt")
public class SmokeCheck {

    public static final String STALE = "SmokeCheck.stale";

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private SmokeStatus status;

    private String message;

    @Convert(converter = JsonObjectConverter.class)
    @Column(columnDefinition = "jsonb")
    private JsonObject details;

    @Column(name = "input_key")
    private String inputKey;

    @Column(name = "result_key")
    private String resultKey;

    @Column(name = "result_digest")
    private String resultDigest;

    @Column(name = "failure_reason")
    private String failureReason;

    private int attempts;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected SmokeCheck() {}

    public static SmokeCheck pending(UUID id, String message, JsonObject details, Instant now) {
        var check = new SmokeCheck();
        check.id = id;
        check.status = SmokeStatus.PENDING;
        check.message = message;
        check.details = details;
        check.inputKey = "smoke/" + id + "/input.txt";
        check.attempts = 1;
        check.createdAt = now;
        check.updatedAt = now;
        return check;
    }

    public void complete(String resultKey, String resultDigest, Instant now) {
        this.status = SmokeStatus.COMPLETED;
        this.resultKey = resultKey;
        this.resultDigest = resultDigest;
        this.updatedAt = now;
        this.completedAt = now;
    }

    public void fail(String reason, Instant now) {
        this.status = SmokeStatus.FAILED;
        this.failureReason = reason;
        this.updatedAt = now;
        this.completedAt = now;
    }

    /** Marks one more delivery attempt after the job's lease ran out. */
    public void requeued(Instant now) {
        this.attempts++;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public SmokeStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    public JsonObject details() {
        return details;
    }

    public String inputKey() {
        return inputKey;
    }

    public String resultKey() {
        return resultKey;
    }

    public String resultDigest() {
        return resultDigest;
    }

    public String failureReason() {
        return failureReason;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
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
