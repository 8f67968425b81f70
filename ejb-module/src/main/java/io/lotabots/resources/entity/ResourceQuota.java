package io.lotabots.resources.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The limits set for one tenant; a tenant without a row has the configured defaults. */
@Entity
@Table(name = "resource_quota")
public class ResourceQuota {

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "max_model_bytes")
    private long maxModelBytes;

    @Column(name = "max_concurrent_jobs")
    private int maxConcurrentJobs;

    @Column(name = "max_cpu_seconds_per_day")
    private long maxCpuSecondsPerDay;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_by_name")
    private String updatedByName;

    @Version
    private long version;

    protected ResourceQuota() {}

    public ResourceQuota(UUID tenantId) {
        this.tenantId = tenantId;
    }

    public void set(
            long maxModelBytes, int maxConcurrentJobs, long maxCpuSecondsPerDay, String by, String byName, Instant at) {
        this.maxModelBytes = maxModelBytes;
        this.maxConcurrentJobs = maxConcurrentJobs;
        this.maxCpuSecondsPerDay = maxCpuSecondsPerDay;
        this.updatedBy = by;
        this.updatedByName = byName;
        this.updatedAt = at;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public long maxModelBytes() {
        return maxModelBytes;
    }

    public int maxConcurrentJobs() {
        return maxConcurrentJobs;
    }

    public long maxCpuSecondsPerDay() {
        return maxCpuSecondsPerDay;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public String updatedByName() {
        return updatedByName;
    }

    public long version() {
        return version;
    }
}
