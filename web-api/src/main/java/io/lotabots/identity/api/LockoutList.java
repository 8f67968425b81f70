package io.lotabots.identity.api;

import io.lotabots.identity.boundary.Lockouts;
import java.time.Instant;
import java.util.List;

/** Running lockouts: accounts of the caller's tenant and source addresses, each with the time it ends. */
public record LockoutList(List<LockedAccount> accounts, List<LockedAddress> addresses) {

    /** An account locked after failed logins; the username in lower case. */
    public record LockedAccount(String tenant, String username, Instant lockedUntil) {}

    /** A source address from which every login is refused until the lockout ends. */
    public record LockedAddress(String address, Instant lockedUntil) {}

    static LockoutList of(Lockouts.Running running) {
        return new LockoutList(
                running.accounts().stream()
                        .map(l -> new LockedAccount(l.tenant(), l.subject(), l.until()))
                        .toList(),
                running.addresses().stream()
                        .map(l -> new LockedAddress(l.subject(), l.until()))
                        .toList());
    }
}
