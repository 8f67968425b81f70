package io.lotabots.identity.boundary;

import io.lotabots.identity.control.AccessChange;
import io.lotabots.identity.control.IdentityInput;
import io.lotabots.identity.entity.Role;
import io.lotabots.identity.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a user may do: their roles and whether they may log in at all. Withdrawing anything ends
 * their sessions; a tenant always keeps one enabled administrator.
 */
@Stateless
public class UserAccess {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    SessionTermination sessions;

    @Inject
    Clock clock;

    @Inject
    IdentityChangeAudit changes;

    /** Refused ({@link IdentityRefusals#refuseUnlessEmpty}) for an empty set: a user without a role could do nothing. */
    public UserView assignRoles(Caller caller, UUID userId, Long expectedVersion, Set<Role> roles) {
        IdentityRefusals.refuseUnlessEmpty(IdentityInput.roles(roles), List.of());
        return change(caller, userId, expectedVersion, true, roles, "identity.user.roles-changed");
    }

    public UserView disable(Caller caller, UUID userId, Long expectedVersion) {
        return change(caller, userId, expectedVersion, false, null, "identity.user.disabled");
    }

    public UserView enable(Caller caller, UUID userId, Long expectedVersion) {
        return change(caller, userId, expectedVersion, true, null, "identity.user.enabled");
    }

    /** {@code roles} null keeps the user's roles. */
    private UserView change(
            Caller caller, UUID userId, Long expectedVersion, boolean enabled, Set<Role> roles, String action) {
        var account = TenantUsers.forUpdate(em, caller, userId, expectedVersion);
        var before = UserView.of(account);
        var change =
                new AccessChange(account.enabled(), account.roles(), enabled, roles == null ? account.roles() : roles);
        if (change.removesAdministrator()) {
            TenantUsers.lockAdministrators(em, account.tenantId());
            if (TenantUsers.otherEnabledAdministrators(em, account) == 0) {
                throw IdentityRefusals.lastAdministrator();
            }
        }
        apply(account, enabled, roles);
        if (change.withdrawsAccess()) {
            sessions.endSessionsOfUser(account.id(), enabled ? "roles-changed" : "user-disabled");
        }
        em.flush();
        var after = UserView.of(account);
        changes.accessChanged(caller, action, before, after);
        return after;
    }

    private void apply(UserAccount account, boolean enabled, Set<Role> roles) {
        var now = clock.instant();
        if (roles != null) {
            account.assignRoles(roles, now);
        } else if (enabled) {
            account.enable(now);
        } else {
            account.disable(now);
        }
    }
}
