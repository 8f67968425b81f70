package io.lotabots.identity.boundary;

import io.lotabots.identity.entity.Tenant;
import java.time.Instant;
import java.util.UUID;

/** A tenant as the platform operator sees it: never its users, attestations or audit events. */
public record TenantView(UUID id, String name, String status, Instant createdAt, Instant suspendedAt) {

    static TenantView of(Tenant tenant) {
        return new TenantView(
                tenant.id(),
                tenant.name(),
                tenant.isSuspended() ? "SUSPENDED" : "ACTIVE",
                tenant.createdAt(),
                tenant.suspendedAt());
    }
}
