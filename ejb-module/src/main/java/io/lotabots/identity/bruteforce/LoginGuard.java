package io.lotabots.identity.bruteforce;

import io.lotabots.identity.control.BruteForcePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Brute-force protection around password logins. The REST login waits {@link #delayBefore} (without
 * holding a thread) before it calls Logins; Logins asks {@link #isLocked} before it verifies the
 * password and reports the outcome after. Counts {@code identity_logins_total{outcome}} and {@code
 * identity_lockouts_total{scope}}, and fires {@link LockoutStarted} / {@link LockoutLifted}.
 */
@ApplicationScoped
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class.getName());
    private static final int LIST_LIMIT = 1000;

    @Inject
    BruteForcePolicy policy;

    @Inject
    FailureStore store;

    @Inject
    Clock clock;

    @Inject
    MetricRegistry metrics;

    @Inject
    Event<LockoutStarted> started;

    @Inject
    Event<LockoutLifted> lifted;

    @Inject
    @ConfigProperty(name = "lotabots.identity.bruteforce.enabled", defaultValue = "true")
    boolean enabled;

    private static final Metadata LOGINS = Metadata.builder()
            .withName("identity.logins")
            .withDescription("Password logins, by outcome (success, failure, locked: refused during a lockout)")
            .build();
    private static final Metadata LOCKOUTS = Metadata.builder()
            .withName("identity.lockouts")
            .withDescription("Lockouts started, by scope (account or source address)")
            .build();

    /** Every series exists from start-up, so dashboards and alerts see zeros rather than gaps. */
    void registerMetrics(@Observes @Initialized(ApplicationScoped.class) Object start) {
        List.of("success", "failure", "locked").forEach(this::logins);
        List.of(LockoutScope.values()).forEach(this::lockouts);
    }

    /** How long to wait before evaluating the attempt: progressive after failures, the longest while locked. */
    public Duration delayBefore(LoginAttempt attempt) {
        if (!enabled) {
            return Duration.ZERO;
        }
        var standings = store.read(attempt.account(), attempt.source());
        Instant now = clock.instant();
        if (standings.stream().anyMatch(s -> s.lockedAt(now))) {
            return policy.maxDelay();
        }
        return policy.delayBefore(standings.get(0).failures(), standings.get(1).failures());
    }

    /** Whether the account or the source address is locked: the attempt then fails whatever the password. */
    public boolean isLocked(LoginAttempt attempt) {
        if (!enabled) {
            return false;
        }
        Instant now = clock.instant();
        return store.read(attempt.account(), attempt.source()).stream().anyMatch(s -> s.lockedAt(now));
    }

    /** A refused attempt; it counts against account and address unless a lockout refused it. */
    public void failed(LoginAttempt attempt, boolean locked) {
        logins(locked ? "locked" : "failure").inc();
        if (!enabled || locked) {
            return;
        }
        countFailure(attempt);
    }

    /**
     * A wrong current password given to change one's password: a password guess like a failed login,
     * so it counts against the account and the address with the same thresholds and lockouts (it is
     * not counted as a login in the metrics). Nothing is counted while a lockout refused the attempt.
     */
    public void wrongCurrentPassword(LoginAttempt attempt, boolean locked) {
        if (enabled && !locked) {
            countFailure(attempt);
        }
    }

    private void countFailure(LoginAttempt attempt) {
        long[] failures = store.countFailure(policy.window(), attempt.account(), attempt.source());
        if (policy.locksAccount(failures[0])) {
            lock(attempt.account(), failures[0]);
        }
        if (attempt.source() != null && policy.locksAddress(failures[1])) {
            lock(attempt.source(), failures[1]);
        }
    }

    /** A successful login starts the account's failure count afresh (not the address's: one good account must not launder it). */
    public void succeeded(LoginAttempt attempt) {
        logins("success").inc();
        if (enabled) {
            store.forgetFailures(attempt.account());
        }
    }

    public List<Lockout> accountLockouts(String tenant) {
        return store.running(LockoutScope.ACCOUNT, tenant, clock.instant(), LIST_LIMIT);
    }

    public List<Lockout> addressLockouts() {
        return store.running(LockoutScope.ADDRESS, null, clock.instant(), LIST_LIMIT);
    }

    /**
     * Lifts a running lockout of an account and forgets its failures; false if it was not locked.
     * {@code liftedBy} and {@code liftedByName} name the administrator, for the audit trail.
     */
    public boolean unlockAccount(String tenant, String username, String liftedBy, String liftedByName) {
        var account = new LoginAttempt(tenant, username, null).account();
        Instant until = store.unlock(account);
        if (until == null || !until.isAfter(clock.instant())) {
            return false;
        }
        lifted.fire(new LockoutLifted(account.lockedUntil(until), liftedBy, liftedByName));
        return true;
    }

    /** Lifts a running lockout of a source address and forgets its failures; false if it was not locked. */
    public boolean unlockAddress(String address, String liftedBy, String liftedByName) {
        var subject = Subject.address(address);
        Instant until = store.unlock(subject);
        if (until == null || !until.isAfter(clock.instant())) {
            return false;
        }
        lifted.fire(new LockoutLifted(subject.lockedUntil(until), liftedBy, liftedByName));
        return true;
    }

    private void lock(Subject subject, long failures) {
        long lockoutNumber = store.countLockout(subject, policy.lockoutMemory());
        Instant until = clock.instant().plus(policy.lockoutDuration(lockoutNumber));
        store.lock(subject, until, policy.lockoutMemory());
        lockouts(subject.scope()).inc();
        // no username or address: they are personal data, and the lockout list and the audit trail name them
        LOG.info(() -> "Locked " + (subject.scope() == LockoutScope.ACCOUNT ? "an account" : "a source address")
                + " until " + until + " after " + failures + " failed logins");
        started.fire(new LockoutStarted(subject.lockedUntil(until), failures));
    }

    private Counter logins(String outcome) {
        return metrics.counter(LOGINS, new Tag("outcome", outcome));
    }

    private Counter lockouts(LockoutScope scope) {
        return metrics.counter(LOCKOUTS, new Tag("scope", scope.label()));
    }
}
