package io.lotabots.retention.boundary;

import io.lotabots.retention.entity.HeldObjectType;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Whether an object a hold names exists in the tenant: read straight from each component's table, so a hold
 * can name what is past retention but not yet purged, and another tenant's id is not found.
 */
@Dependent
class HeldObjects {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    boolean exists(UUID tenantId, HeldObjectType type, UUID id) {
        String table =
                switch (type) {
                    case DOCUMENT -> "lotabots.documents";
                    case MODEL -> "lotabots.models";
                    case ATTESTATION -> "lotabots.attestation";
                };
        return !em.createNativeQuery("select 1 from " + table + " where id = ?1 and tenant_id = ?2")
                .setParameter(1, id)
                .setParameter(2, tenantId)
                .getResultList()
                .isEmpty();
    }
}
