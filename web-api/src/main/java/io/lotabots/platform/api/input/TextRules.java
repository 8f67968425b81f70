package io.lotabots.platform.api.input;

/**
 * Text PostgreSQL and our JSON can carry: no NUL (PostgreSQL refuses it in text) and no unpaired
 * surrogate (it has no UTF-8 form, so it would be stored as something else than was sent).
 */
public final class TextRules {

    private TextRules() {}

    /** What is wrong with the text, or null if it is acceptable. */
    public static String problemWith(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ")";
            }
        }
        return null;
    }
}
