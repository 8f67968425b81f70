package io.lotabots.identity.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Opaque secrets for refresh tokens ({@code lbr_…}) and API keys ({@code lbk_…}). The prefix lets
 * people and secret scanners tell what a leaked string is.
 */
public final class SecretTokens {

    static final int SECRET_BYTES = 32;

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{0,15}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {}

    /** A new secret: the prefix, an underscore and 256 random bits in unpadded Base64url. */
    public static String newSecret(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix '" + prefix + "' is not 1..16 lower-case letters and digits");
        }
        var random = new byte[SECRET_BYTES];
        RANDOM.nextBytes(random);
        return prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The lower-case hex SHA-256 of a secret, the form in which it is stored. */
    public static String sha256Hex(String secret) {
        // 256 random bits cannot be guessed, so a fast hash is enough; Argon2 would only slow every request
        return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the secret is the one stored as {@code storedHex}, compared in constant time. */
    public static boolean matches(String secret, String storedHex) {
        return MessageDigest.isEqual(
                sha256Hex(secret).getBytes(StandardCharsets.US_ASCII), storedHex.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
