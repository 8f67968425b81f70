package io.lotabots.identity.api;

import io.lotabots.identity.bruteforce.Lockout;
import java.time.Instant;
import java.util.List;

/** Running lockouts of the caller's tenant's accounts, each with the time it ends. */
public record LockoutList(List<LockedAccount> accounts) {

    /** An account locked after failed logins; the username in lower case. */
    public record LockedAccount(String tenant, String username, Instant lockedUntil) {}

    static LockoutList of(List<Lockout> accounts) {
        return new LockoutList(accounts.stream()
                .map(l -> new LockedAccount(l.tenant(), l.subject(), l.until()))
                .toList());
    }
}
