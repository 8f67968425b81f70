package io.lotabots.identity.bruteforce;

import java.util.Locale;

/**
 * One password login as the guard sees it: the account named (tenant as given, username in lower
 * case, like the lookup) and the source address, null when unknown. Nothing says whether the account
 * exists, so unknown names are counted exactly like real ones.
 */
public record LoginAttempt(String tenant, String username, String address) {

    public LoginAttempt {
        username = username.toLowerCase(Locale.ROOT);
        address = address == null || address.isBlank() ? null : address;
    }

    Subject account() {
        return Subject.account(tenant, username);
    }

    /** The source address as a subject, or null when it is not known. */
    Subject source() {
        return address == null ? null : Subject.address(address);
    }
}
