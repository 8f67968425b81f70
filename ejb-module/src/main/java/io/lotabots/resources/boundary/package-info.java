/** The resource manager: per-tenant quotas, job allocations with leases, upload reservations, and the lease timer. */
package io.lotabots.resources.boundary;
