package io.lotabots.identity.api;

import io.lotabots.identity.bruteforce.Lockout;
import java.time.Instant;
import java.util.List;

/** Locked source addresses, from which every login to every tenant is refused until the lockout ends. */
public record AddressLockoutList(List<LockedAddress> addresses) {

    public record LockedAddress(String address, Instant lockedUntil) {}

    static AddressLockoutList of(List<Lockout> addresses) {
        return new AddressLockoutList(addresses.stream()
                .map(l -> new LockedAddress(l.subject(), l.until()))
                .toList());
    }
}
