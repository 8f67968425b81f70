package io.lotabots.resources.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A verification job's admission under its tenant's quotas, with the lease it must renew while it runs. */
@Entity
@Table(name = "resource_allocation")
@NamedQuery(
        name = ResourceAllocation.LATEST_OF_JOB,
        query = "select a from ResourceAllocation a where a.jobId = :jobId order by a.allocatedAt desc")
@NamedQuery(
        name = ResourceAllocation.ACTIVE_OF_TENANT,
        query = "select count(a) from ResourceAllocation a where a.tenantId = :tenantId"
                + " and a.status = io.lotabots.resources.entity.AllocationStatus.ACTIVE")
public class ResourceAllocation {

    public static final String LATEST_OF_JOB = "ResourceAllocation.latestOfJob";
    public static final String ACTIVE_OF_TENANT = "ResourceAllocation.activeOfTenant";

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "job_id")
    private UUID jobId;

    @Enumerated(EnumType.STRING)
    private AllocationStatus status;

    @Column(name = "allocated_at")
    private Instant allocatedAt;

    @Column(name = "lease_expires_at")
    private Instant leaseExpiresAt;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "cpu_millis")
    private Long cpuMillis;

    @Column(name = "slot_no")
    private Integer slotNo;

    protected ResourceAllocation() {}

    public ResourceAllocation(
            UUID id, UUID tenantId, UUID jobId, int slotNo, Instant allocatedAt, Instant leaseExpiresAt) {
        this.id = id;
        this.slotNo = slotNo;
        this.tenantId = tenantId;
        this.jobId = jobId;
        this.status = AllocationStatus.ACTIVE;
        this.allocatedAt = allocatedAt;
        this.leaseExpiresAt = leaseExpiresAt;
    }

    public void renew(Instant leaseExpiresAt) {
        this.leaseExpiresAt = leaseExpiresAt;
    }

    /** Ends the allocation with the CPU the job used; a reclaimed one keeps its status but is charged too. */
    public void release(long cpuMillis, Instant at) {
        if (status == AllocationStatus.ACTIVE) {
            status = AllocationStatus.RELEASED;
        }
        this.cpuMillis = cpuMillis;
        this.releasedAt = at;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID jobId() {
        return jobId;
    }

    public AllocationStatus status() {
        return status;
    }

    public Instant allocatedAt() {
        return allocatedAt;
    }

    public Instant leaseExpiresAt() {
        return leaseExpiresAt;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    /** The job slot it was admitted to; -1 for an allocation made before slots existed. */
    public int slotNo() {
        return slotNo == null ? -1 : slotNo;
    }

    public Long cpuMillis() {
        return cpuMillis;
    }
}
