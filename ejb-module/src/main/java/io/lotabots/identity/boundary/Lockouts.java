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
 * Running lockouts as an administrator sees them: the accounts of their own tenant, and the locked
 * source addresses (those refuse logins to every tenant, so every administrator may see why).
 */
@Stateless
public class Lockouts {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    LoginGuard guard;

    /** Locked accounts of the tenant and locked addresses, soonest end first. */
    public record Running(List<Lockout> accounts, List<Lockout> addresses) {}

    public Running of(UUID tenantId) {
        var accounts = tenantName(tenantId).map(guard::accountLockouts).orElse(List.of());
        return new Running(accounts, guard.addressLockouts());
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
