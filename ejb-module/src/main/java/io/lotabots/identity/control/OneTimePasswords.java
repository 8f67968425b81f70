package io.lotabots.identity.control;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Passwords handed out once (a new tenant's first administrator): 160 random bits as 27 Base64url
 * characters, long and random enough for every rule of the password policy.
 */
public final class OneTimePasswords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePasswords() {}

    public static char[] generate() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
