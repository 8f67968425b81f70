package io.lotabots.identity.boundary;

import io.lotabots.identity.entity.Tenant;
import io.lotabots.identity.entity.UserAccount;
import io.lotabots.platform.refusal.Refusal;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/** Looks users up inside the caller's tenant only, so another tenant's ids are simply not found. */
final class TenantUsers {

    private TenantUsers() {}

    static UserAccount find(EntityManager em, Caller caller, UUID id) {
        var account = em.createNamedQuery(UserAccount.WITH_ROLES, UserAccount.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElse(null);
        return confined(caller, id, account);
    }

    /**
     * The user, locked for this transaction, provided it still has the version the caller read
     * ({@code expectedVersion} null means the caller sent no If-Match).
     */
    static UserAccount forUpdate(EntityManager em, Caller caller, UUID id, Long expectedVersion) {
        var account = confined(caller, id, em.find(UserAccount.class, id, LockModeType.PESSIMISTIC_WRITE));
        if (expectedVersion != null && expectedVersion != account.version()) {
            throw IdentityRefusals.userChanged(account.version());
        }
        return account;
    }

    /** Serialises changes to a tenant's administrators, so two admins cannot demote each other at once. */
    static void lockAdministrators(EntityManager em, UUID tenantId) {
        em.find(Tenant.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    }

    static long otherEnabledAdministrators(EntityManager em, UserAccount account) {
        return em.createNamedQuery(UserAccount.COUNT_OTHER_ADMINS, Long.class)
                .setParameter("tenantId", account.tenantId())
                .setParameter("userId", account.id())
                .getSingleResult();
    }

    private static UserAccount confined(Caller caller, UUID id, UserAccount account) {
        if (account == null || !account.tenantId().equals(caller.tenantId())) {
            throw Refusal.notFound("No user " + id + ".");
        }
        return account;
    }
}
