package io.lotabots.platform.api;

/**
 * The ETag of a versioned resource is its version number, as a strong tag ({@code "3"}), and
 * {@code If-Match} names the version the client read (RFC 9110 §13.1.1).
 */
public final class VersionTag {

    /** What {@link #expected} returns for a header no version can satisfy. */
    public static final long MATCHES_NOTHING = -1;

    private VersionTag() {}

    /** The ETag header value of a version. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header requires: null without a header or with {@code *}; {@link
     * #MATCHES_NOTHING} for a weak, malformed or multiple tag, since If-Match compares strongly and
     * these resources accept one version at a time.
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        var value = ifMatch.strip();
        if (value.equals("*")) {
            return null;
        }
        if (value.length() < 3 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return MATCHES_NOTHING;
        }
        var digits = value.substring(1, value.length() - 1);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return MATCHES_NOTHING;
        }
        return Long.parseLong(digits);
    }
}
