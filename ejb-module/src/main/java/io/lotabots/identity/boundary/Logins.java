package io.lotabots.identity.boundary;

import io.lotabots.identity.bruteforce.LoginAttempt;
import io.lotabots.identity.bruteforce.LoginGuard;
import io.lotabots.identity.control.PasswordHasher;
import io.lotabots.identity.control.PasswordPolicy;
import io.lotabots.identity.control.PolicyViolation;
import io.lotabots.identity.control.SecretTokens;
import io.lotabots.identity.entity.AuthSession;
import io.lotabots.identity.entity.RefreshToken;
import io.lotabots.identity.entity.Tenant;
import io.lotabots.identity.entity.UserAccount;
import io.lotabots.identity.tokens.AccessTokens;
import io.lotabots.identity.tokens.SessionRevocations;
import io.lotabots.identity.tokens.TokenSettings;
import io.lotabots.platform.refusal.FieldProblem;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Password login, refresh-token rotation with reuse detection, and logout. */
@Stateless
public class Logins {

    private static final String REFRESH_PREFIX = "lbr";

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    AccessTokens accessTokens;

    @Inject
    SessionRevocations revocations;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    @Inject
    LoginAudit audit;

    @Inject
    LoginGuard guard;

    @Inject
    PasswordPolicy policy;

    @Inject
    TenantStatus tenants;

    /**
     * A password login from a source address (null when unknown). While the account or the address is
     * locked even the right password fails, after the same hashing work, with the same exception.
     */
    public TokenGrant login(String tenantName, String username, char[] password, String sourceAddress) {
        return login(tenantName, username, password, null, sourceAddress);
    }

    /**
     * A password login that may also set a new password: an account whose password was handed out
     * (a one-time password) is refused with {@link IdentityRefusals#passwordChangeRequired} until the login
     * names a {@code newPassword} the policy accepts. Ignored for other accounts.
     */
    public TokenGrant login(
            String tenantName, String username, char[] password, char[] newPassword, String sourceAddress) {
        var signedIn = signIn(tenantName, username, password, newPassword, sourceAddress);
        var grant = grant(signedIn.account(), signedIn.session(), signedIn.at());
        recordLogin(signedIn.account(), password, signedIn.at());
        return grant;
    }

    /**
     * The same password check, lockouts and audit for the admin console, which keeps its own HTTP
     * session and so needs the user's roles rather than tokens.
     */
    public ConsoleIdentity consoleLogin(String tenantName, String username, char[] password, String sourceAddress) {
        var signedIn = signIn(tenantName, username, password, null, sourceAddress);
        var account = signedIn.account();
        recordLogin(account, password, signedIn.at());
        return new ConsoleIdentity(
                account.tenantId(),
                tenantName,
                account.id(),
                account.username(),
                account.roles(),
                signedIn.session().id());
    }

    private record SignedIn(UserAccount account, AuthSession session, Instant at) {}

    private SignedIn signIn(
            String tenantName, String username, char[] password, char[] newPassword, String sourceAddress) {
        var attempt = new LoginAttempt(tenantName, username, sourceAddress);
        boolean locked = guard.isLocked(attempt);
        Optional<Tenant> tenant = findTenant(tenantName);
        Optional<UserAccount> user = tenant.flatMap(t -> findUser(t, username));
        if (user.isEmpty() || !user.get().enabled()) {
            hasher.burnEquivalentWork(password);
            guard.failed(attempt, locked);
            String reason = tenant.isEmpty() ? "unknown-tenant" : user.isEmpty() ? "unknown-user" : "user-disabled";
            audit.loginFailed(tenantName, tenant.map(Tenant::id).orElse(null), username, user.orElse(null), reason);
            throw IdentityRefusals.invalidCredentials();
        }
        var account = user.get();
        boolean passwordMatches = hasher.verify(password, account.passwordHash());
        if (!passwordMatches || locked) {
            guard.failed(attempt, locked);
            audit.loginFailed(
                    tenantName, account.tenantId(), username, account, passwordMatches ? "locked" : "wrong-password");
            throw IdentityRefusals.invalidCredentials();
        }
        if (tenants.isSuspended(account.tenantId())) {
            // the right password: not a guess to count, but the tenant's users may not sign in
            audit.loginFailed(tenantName, account.tenantId(), username, account, "tenant-suspended");
            throw IdentityRefusals.invalidCredentials();
        }
        guard.succeeded(attempt);
        Instant now = clock.instant();
        if (account.passwordChangeRequired()) {
            if (newPassword == null) {
                audit.loginFailed(tenantName, account.tenantId(), username, account, "password-change-required");
                throw IdentityRefusals.passwordChangeRequired();
            }
            replacePassword(account, password, newPassword, now);
        }
        var session = new AuthSession(
                UUID.randomUUID(),
                account.tenantId(),
                account.id(),
                account.roles(),
                now,
                settings.sessionMaxLifetime());
        em.persist(session);
        audit.loginSucceeded(account, session);
        return new SignedIn(account, session, now);
    }

    /** A one-time password replaced by the user's own choice, which must pass the policy and differ from it. */
    private void replacePassword(UserAccount account, char[] oneTime, char[] chosen, Instant now) {
        var brokenRules = new ArrayList<>(policy.problems("newPassword", account.username(), chosen));
        if (Arrays.equals(oneTime, chosen)) {
            brokenRules.add(new FieldProblem("newPassword", PolicyViolation.SAME_AS_ONE_TIME_PASSWORD.message()));
        }
        if (!brokenRules.isEmpty()) {
            throw IdentityRefusals.weakPassword(brokenRules);
        }
        var managed = em.find(UserAccount.class, account.id(), LockModeType.PESSIMISTIC_WRITE);
        managed.changePassword(hasher.hash(chosen), now);
        audit.passwordReplacedAtLogin(managed);
    }

    /**
     * The login time, and a stronger hash when the stored one is weaker than the target parameters. Bulk
     * updates, not entity changes: concurrent logins of one account (a bot fleet, two devices) must all
     * succeed, and a login does not change the account's version. Called last, so the row lock the
     * update takes is held only until the commit and concurrent logins of the account wait for no more.
     */
    private void recordLogin(UserAccount account, char[] password, Instant now) {
        String upgraded = hasher.needsRehash(account.passwordHash()) ? hasher.hash(password) : null; // before the lock
        var at = Timestamp.from(now);
        em.createNamedQuery(UserAccount.RECORD_LOGIN)
                .setParameter(1, at)
                .setParameter(2, account.id())
                .setParameter(3, at)
                .executeUpdate();
        if (upgraded != null) {
            em.createNamedQuery(UserAccount.UPGRADE_PASSWORD_HASH)
                    .setParameter(1, upgraded)
                    .setParameter(2, at)
                    .setParameter(3, account.id())
                    .setParameter(4, account.passwordHash())
                    .executeUpdate();
        }
    }

    /** Spends a refresh token for a new pair; a token presented twice ends its whole session. */
    public TokenGrant refresh(String refreshToken) {
        Instant now = clock.instant();
        var token = em.find(RefreshToken.class, SecretTokens.sha256Hex(refreshToken), LockModeType.PESSIMISTIC_WRITE);
        if (token == null) {
            audit.refreshFailed(null, null, "unknown-token");
            throw IdentityRefusals.invalidGrant();
        }
        var session = em.find(AuthSession.class, token.sessionId(), LockModeType.PESSIMISTIC_WRITE);
        var account = em.find(UserAccount.class, session.userId());
        if (token.isSpent()) {
            session.revoke(now, "refresh-token-reuse");
            revocations.revoke(session.id());
            audit.refreshReused(session, account);
            throw IdentityRefusals.invalidGrant();
        }
        // a suspended tenant's sessions are revoked under this row lock, so no tenant check is needed here
        if (token.isExpired(now) || !session.isActive(now, settings.sessionIdleTimeout())) {
            audit.refreshFailed(session, account, "session-ended");
            throw IdentityRefusals.invalidGrant();
        }
        token.spend(now);
        session.used(now);
        if (account == null || !account.enabled()) {
            session.revoke(now, "user-disabled");
            revocations.revoke(session.id());
            audit.refreshFailed(session, account, "user-disabled");
            throw IdentityRefusals.invalidGrant();
        }
        audit.refreshed(account, session);
        return grant(account, session, now);
    }

    public void logout(UUID sessionId) {
        var session = em.find(AuthSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session != null) {
            session.revoke(clock.instant(), "logout");
            audit.loggedOut(session);
        }
        revocations.revoke(sessionId);
    }

    private TokenGrant grant(UserAccount account, AuthSession session, Instant now) {
        String refresh = SecretTokens.newSecret(REFRESH_PREFIX);
        em.persist(new RefreshToken(SecretTokens.sha256Hex(refresh), session.id(), now, session.expiresAt()));
        // a platform operator's token names no tenant: it is no tenant's caller
        UUID tenant = Tenant.PLATFORM_ID.equals(account.tenantId()) ? null : account.tenantId();
        var access =
                accessTokens.issue(account.id().toString(), account.username(), tenant, session.roles(), session.id());
        return new TokenGrant(access.value(), access.expiresInSeconds(), refresh, session.id());
    }

    private Optional<Tenant> findTenant(String tenantName) {
        return em.createNamedQuery(Tenant.BY_NAME, Tenant.class)
                .setParameter("name", tenantName)
                .getResultStream()
                .findFirst();
    }

    private Optional<UserAccount> findUser(Tenant tenant, String username) {
        return em.createNamedQuery(UserAccount.BY_LOGIN, UserAccount.class)
                .setParameter("tenantId", tenant.id())
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }
}
