package io.lotabots.identity.bruteforce;

/** What a lockout closes: one account of one tenant, or every login from one source address. */
public enum LockoutScope {
    ACCOUNT,
    ADDRESS;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
