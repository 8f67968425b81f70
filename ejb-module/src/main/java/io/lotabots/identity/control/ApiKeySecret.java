package io.lotabots.identity.control;

/**
 * A newly generated API key secret ({@code lbk_…}): the value the bot keeps, the SHA-256 that is
 * stored, and the first characters that people see in lists to tell keys apart.
 */
public record ApiKeySecret(String value) {

    static final String PREFIX = "lbk";
    /** "lbk_" and eight random characters: enough to recognise a key, far too few to guess it. */
    public static final int DISPLAY_LENGTH = 12;

    public static ApiKeySecret generate() {
        return new ApiKeySecret(SecretTokens.newSecret(PREFIX));
    }

    public String hash() {
        return SecretTokens.sha256Hex(value);
    }

    public String displayPrefix() {
        return value.substring(0, Math.min(DISPLAY_LENGTH, value.length()));
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + displayPrefix() + "…]";
    }
}
