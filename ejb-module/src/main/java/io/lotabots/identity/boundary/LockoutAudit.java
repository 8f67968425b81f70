package io.lotabots.identity.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.bruteforce.Lockout;
import io.lotabots.identity.bruteforce.LockoutLifted;
import io.lotabots.identity.bruteforce.LockoutScope;
import io.lotabots.identity.bruteforce.LockoutStarted;
import io.lotabots.identity.entity.Tenant;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Lockouts in the audit trail: started by the brute-force guard (in the failed login's transaction)
 * and lifted by an administrator. Address lockouts belong to no tenant: they go to the platform chain.
 */
@Dependent
class LockoutAudit {

    static final String GUARD = "brute-force-guard";

    @Inject
    AuditTrail audit;

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    void started(@Observes LockoutStarted event) {
        var lockout = event.lockout();
        audit.record(AuditRecord.denied("auth.lockout.started")
                .actor(GUARD, GUARD)
                .tenant(tenantOf(lockout))
                .target(targetType(lockout), lockout.subject())
                .detail("until", lockout.until().toString())
                .detail("failures", event.failures())
                .build());
    }

    void lifted(@Observes LockoutLifted event) {
        var lockout = event.lockout();
        audit.record(AuditRecord.success("auth.lockout.lifted")
                .actor(event.liftedBy(), event.liftedByName())
                .tenant(tenantOf(lockout))
                .target(targetType(lockout), lockout.subject())
                .build());
    }

    private static String targetType(Lockout lockout) {
        return lockout.scope() == LockoutScope.ACCOUNT ? "account" : "address";
    }

    private UUID tenantOf(Lockout lockout) {
        if (lockout.scope() != LockoutScope.ACCOUNT || lockout.tenant() == null) {
            return AuditTrail.PLATFORM;
        }
        return em.createNamedQuery(Tenant.BY_NAME, Tenant.class)
                .setParameter("name", lockout.tenant())
                .getResultStream()
                .findFirst()
                .map(Tenant::id)
                .orElse(AuditTrail.PLATFORM);
    }
}
