package io.lotabots.identity.bruteforce;

/** CDI event, fired when an administrator lifts a lockout before it ends (for the audit trail). */
public record LockoutLifted(Lockout lockout, String liftedBy, String liftedByName) {}
