package io.lotabots.identity.bruteforce;

/** CDI event, fired in the login's transaction when failures lock an account or an address (for the audit trail). */
public record LockoutStarted(Lockout lockout, long failures) {}
