package io.lotabots.identity.boundary;

import io.lotabots.audit.boundary.AuditContext;
import io.lotabots.identity.bruteforce.LoginAttempt;
import io.lotabots.identity.bruteforce.LoginGuard;
import io.lotabots.identity.control.IdentityInput;
import io.lotabots.identity.control.PasswordHasher;
import io.lotabots.identity.control.PasswordPolicy;
import io.lotabots.identity.entity.Tenant;
import io.lotabots.identity.entity.UserAccount;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
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

    @Inject
    LoginGuard guard;

    @Inject
    AuditContext origin;

    /** Returns the user's new version (the ETag). {@code currentPassword} may be null for an administrator. */
    public long change(Caller caller, UUID userId, Long expectedVersion, char[] newPassword, char[] currentPassword) {
        return change(caller, userId, expectedVersion, newPassword, currentPassword, !caller.isAdmin());
    }

    /**
     * The caller changes their own password (the console's *Change password*): the current one is
     * confirmed whatever the caller's roles, since an administrator's open console is no proof either.
     */
    public long changeOwn(Caller caller, char[] currentPassword, char[] newPassword) {
        return change(caller, caller.subjectId(), null, newPassword, currentPassword, true);
    }

    private long change(
            Caller caller,
            UUID userId,
            Long expectedVersion,
            char[] newPassword,
            char[] currentPassword,
            boolean confirmCurrent) {
        if (!caller.isAdmin() && !caller.is(userId)) {
            // other users are invisible to non-administrators, exactly like another tenant's
            throw Refusal.notFound("No user " + userId + ".");
        }
        var account = TenantUsers.forUpdate(em, caller, userId, expectedVersion);
        var size = IdentityInput.password("password", newPassword);
        IdentityRefusals.refuseUnlessEmpty(
                size, size.isEmpty() ? policy.problems("password", account.username(), newPassword) : List.of());
        if (confirmCurrent) {
            confirmCurrentPassword(account, currentPassword);
        }
        account.changePassword(hasher.hash(newPassword), clock.instant());
        sessions.endSessionsOfUser(account.id(), "password-changed");
        em.flush();
        changes.passwordChanged(caller, account.id());
        return account.version();
    }

    /**
     * The current password proves it is the user at the keyboard, so guesses here are brute-force
     * counted like failed logins, and a locked account (or address) is refused whatever the password
     * — with the same answer and the same hashing work as a wrong one.
     */
    private void confirmCurrentPassword(UserAccount account, char[] currentPassword) {
        if (currentPassword == null) {
            throw IdentityRefusals.currentPasswordMismatch();
        }
        var tenant = em.find(Tenant.class, account.tenantId());
        var attempt = new LoginAttempt(tenant.name(), account.username(), origin.sourceIp());
        boolean locked = guard.isLocked(attempt);
        boolean matches = hasher.verify(currentPassword, account.passwordHash());
        if (locked || !matches) {
            guard.wrongCurrentPassword(attempt, locked);
            throw IdentityRefusals.currentPasswordMismatch();
        }
    }
}
