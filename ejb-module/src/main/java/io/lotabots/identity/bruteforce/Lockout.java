package io.lotabots.identity.bruteforce;

import java.time.Instant;

/**
 * A temporary lockout. For an account, {@code subject} is the lower-case username within {@code
 * tenant}; for an address, it is the address and {@code tenant} is null.
 */
public record Lockout(LockoutScope scope, String tenant, String subject, Instant until) {}
