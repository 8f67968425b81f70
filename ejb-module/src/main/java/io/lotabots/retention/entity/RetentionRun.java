package io.lotabots.retention.entity;

import io.lotabots.platform.persistence.JsonObjectConverter;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One purge run over one tenant: what it removed per data class and what a hold kept. Never changed. */
@Entity
@Table(name = "retention_run")
public class RetentionRun {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Convert(converter = JsonObjectConverter.class)
    private JsonObject purged;

    private int held;

    protected RetentionRun() {}

    public RetentionRun(UUID id, UUID tenantId, Instant startedAt, Instant finishedAt, JsonObject purged, int held) {
        this.id = id;
        this.tenantId = tenantId;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.purged = purged;
        this.held = held;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public JsonObject purged() {
        return purged;
    }

    public int held() {
        return held;
    }
}
