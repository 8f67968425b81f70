package io.lotabots.identity.boundary;

import io.lotabots.identity.bruteforce.Lockout;
import io.lotabots.identity.bruteforce.LoginGuard;
import io.lotabots.identity.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Running lockouts: an administrator sees and lifts those of their own tenant's accounts; the locked
 * source addresses refuse logins to every tenant, so only the platform operator sees and lifts them.
 */
@Stateless
public class Lockouts {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    LoginGuard guard;

    /** Locked accounts of the tenant, soonest end first. */
    public List<Lockout> accountsOf(UUID tenantId) {
        return tenantName(tenantId).map(guard::accountLockouts).orElse(List.of());
    }

    /** Locked source addresses, soonest end first: the platform operator's to see. */
    public List<Lockout> addresses() {
        return guard.addressLockouts();
    }

    /** Lifts the lockout of a source address (audited on the platform chain); false when there is none. */
    public boolean unlockAddress(String address, String liftedBy, String liftedByName) {
        return guard.unlockAddress(address, liftedBy, liftedByName);
    }

    /**
     * Lifts the lockout of an account in the administrator's own tenant, audited as the caller's
     * doing. False when there is none, including for another tenant's accounts, which this
     * administrator may not see.
     */
    public boolean unlock(Caller caller, String tenantName, String username) {
        return tenantName(caller.tenantId()).filter(tenantName::equals).isPresent()
                && guard.unlockAccount(tenantName, username, caller.subject(), caller.name());
    }

    private Optional<String> tenantName(UUID tenantId) {
        return Optional.ofNullable(em.find(Tenant.class, tenantId)).map(Tenant::name);
    }
}
