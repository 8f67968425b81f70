package io.lotabots.identity.boundary;

import io.lotabots.identity.control.PasswordHasher;
import io.lotabots.identity.control.PasswordPolicy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;

/**
 * New passwords: an administrator resets any user of the tenant; anyone else changes only their own
 * and must give the current one. Either way every session of the user ends.
 */
@Stateless
public class PasswordChanges {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    SessionTermination sessions;

    @Inject
    Clock clock;

    @Inject
    IdentityChangeAudit changes;

    /** Returns the user's new version (the ETag). {@code currentPassword} may be null for an administrator. */
    public long change(Caller caller, UUID userId, Long expectedVersion, char[] newPassword, char[] currentPassword) {
        if (!caller.isAdmin() && !caller.is(userId)) {
            // other users are invisible to non-administrators, exactly like another tenant's
            throw new IdentityNotFoundException("No user " + userId + ".");
        }
        var account = TenantUsers.forUpdate(em, caller, userId, expectedVersion);
        var violations = policy.check(account.username(), newPassword);
        if (!violations.isEmpty()) {
            throw new PasswordRejectedException(violations);
        }
        if (!caller.isAdmin() && (currentPassword == null || !hasher.verify(currentPassword, account.passwordHash()))) {
            throw new CurrentPasswordMismatchException();
        }
        account.changePassword(hasher.hash(newPassword), clock.instant());
        sessions.endSessionsOfUser(account.id(), "password-changed");
        em.flush();
        changes.passwordChanged(caller, account.id());
        return account.version();
    }
}
