package io.lotabots.resources.boundary;

import io.lotabots.resources.entity.AllocationStatus;
import java.time.Instant;
import java.util.UUID;

/** A verification job's admission: it may run until {@code leaseExpiresAt} unless it renews the lease. */
public record Allocation(
        UUID id, UUID tenantId, UUID jobId, AllocationStatus status, Instant allocatedAt, Instant leaseExpiresAt) {}
