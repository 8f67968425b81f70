package io.lotabots.identity.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.entity.AuthSession;
import io.lotabots.identity.entity.UserAccount;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The audit events of logins, refreshes and logouts, written in the transaction of the action. A
 * failed login of a known user names that user (id as actor, username as the erasable actor name) and
 * one of an unknown name the attempted username (never the password); the row, not the answer, says
 * whether the user was unknown or the password wrong.
 */
@Dependent
class LoginAudit {

    static final String ANONYMOUS = "anonymous";

    @Inject
    AuditTrail audit;

    void loginSucceeded(UserAccount account, AuthSession session) {
        audit.record(AuditRecord.success("auth.login.succeeded")
                .actor(account.id().toString(), account.username())
                .tenant(account.tenantId())
                .target("user", account.id())
                .detail("sessionId", session.id().toString())
                .build());
    }

    /** {@code tenantId} is null for an unknown tenant (the event goes to the platform chain). */
    void loginFailed(String tenantName, UUID tenantId, String username, UserAccount known, String reason) {
        audit.record(AuditRecord.failure("auth.login.failed")
                // a known user's id, not the typed name: the hashed actor must not hold what an erasure removes
                .actor(known == null ? username : known.id().toString(), known == null ? username : known.username())
                .tenant(tenantId == null ? AuditTrail.PLATFORM : tenantId)
                .target("user", known == null ? null : known.id())
                .detail("reason", reason)
                .detail("tenant", tenantId == null ? tenantName : null)
                .build());
    }

    /** A one-time password replaced by the user's own at login; the actor is the user, who proved the old one. */
    void passwordReplacedAtLogin(UserAccount account) {
        audit.record(AuditRecord.success("identity.user.password-changed")
                .actor(account.id().toString(), account.username())
                .tenant(account.tenantId())
                .target("user", account.id())
                .detail("byAdministrator", false)
                .detail("oneTimePasswordReplaced", true)
                .build());
    }

    void refreshed(UserAccount account, AuthSession session) {
        audit.record(sessionEvent(AuditRecord.success("auth.token.refreshed"), session, account)
                .build());
    }

    void refreshReused(AuthSession session, UserAccount account) {
        audit.record(sessionEvent(AuditRecord.denied("auth.refresh.reused"), session, account)
                .detail("sessionRevoked", true)
                .build());
    }

    /** A refresh that failed for a known session (ended, user disabled) or an unknown token (null). */
    void refreshFailed(AuthSession session, UserAccount account, String reason) {
        var record = session == null
                ? AuditRecord.failure("auth.refresh.failed").actor(ANONYMOUS, null)
                : sessionEvent(AuditRecord.failure("auth.refresh.failed"), session, account);
        audit.record(record.detail("reason", reason).build());
    }

    /** The actor is the caller of the request: the session's own user. */
    void loggedOut(AuthSession session) {
        audit.record(AuditRecord.success("auth.logout")
                .tenant(session.tenantId())
                .target("session", session.id())
                .build());
    }

    private static AuditRecord.Builder sessionEvent(
            AuditRecord.Builder builder, AuthSession session, UserAccount account) {
        return builder.actor(String.valueOf(session.userId()), account == null ? null : account.username())
                .tenant(session.tenantId())
                .target("session", session.id());
    }
}
