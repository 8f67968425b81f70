package io.lotabots.audit.control;

import io.lotabots.platform.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Makes caller-supplied text storable and hashable: PostgreSQL refuses NUL in text and jsonb, and a
 * lone surrogate has no UTF-8 form, so either would fail the transaction being audited (a login
 * with a crafted username) or stop the sealer. Both become U+FFFD; over-long text is cut.
 */
public final class AuditText {

    static final char REPLACEMENT = '\uFFFD';

    private AuditText() {}

    /** The text with unstorable characters replaced, at most {@code maxLength} chars, never a split pair. */
    public static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length() && out.length() < maxLength; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out.length() + 2 > maxLength) {
                    break;
                }
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c == 0 || Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }

    /** Strings inside details are cut at this length: details describe an action, they carry no payload. */
    public static final int MAX_DETAIL_LENGTH = 1000;

    /** The same JSON with every key and string cleaned. */
    public static JsonObject clean(JsonObject object) {
        var out = Json.createObjectBuilder();
        object.forEach((key, value) -> out.add(clean(key, MAX_DETAIL_LENGTH), clean(value)));
        return out.build();
    }

    private static JsonValue clean(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> Json.createValue(clean(((JsonString) value).getString(), MAX_DETAIL_LENGTH));
            case OBJECT -> clean((JsonObject) value);
            case ARRAY -> {
                var out = Json.createArrayBuilder();
                ((JsonArray) value).forEach(element -> out.add(clean(element)));
                yield out.build();
            }
            default -> value;
        };
    }
}
