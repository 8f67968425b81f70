package io.lotabots.identity.boundary;

import io.lotabots.identity.entity.Tenant;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Whether a tenant may open sessions. Read FOR SHARE in the transaction that opens the session: a
 * suspension committing meanwhile waits for that transaction and then revokes the new session with
 * the others, or the session's transaction waits for the suspension and sees it.
 */
@Dependent
class TenantStatus {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    boolean isSuspended(UUID tenantId) {
        // one row whose one column is null while the tenant is active
        var rows = em.createNamedQuery(Tenant.SUSPENDED_AT)
                .setParameter(1, tenantId)
                .getResultList();
        return !rows.isEmpty() && rows.get(0) != null;
    }
}
