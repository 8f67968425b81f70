package io.lotabots.identity.bruteforce;

import java.time.Instant;

/** What failures are counted against and what gets locked: one account of a tenant, or one source address. */
record Subject(LockoutScope scope, String tenant, String name) {

    static Subject account(String tenant, String username) {
        return new Subject(LockoutScope.ACCOUNT, tenant, username);
    }

    static Subject address(String address) {
        return new Subject(LockoutScope.ADDRESS, null, address);
    }

    Lockout lockedUntil(Instant until) {
        return new Lockout(scope, tenant, name, until);
    }
}
