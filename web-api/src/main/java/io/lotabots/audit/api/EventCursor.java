package io.lotabots.audit.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * The opaque paging cursor: where the previous page ended. Its form may change; clients pass it
 * back unread. A forged cursor can only move within the caller's own tenant.
 */
final class EventCursor {

    private static final String VERSION = "e1:";

    private EventCursor() {}

    static String encode(long before) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((VERSION + before).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position, or empty if the text is not a cursor this server issued. */
    static OptionalLong decode(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(VERSION)) {
                return OptionalLong.empty();
            }
            long before = Long.parseLong(text.substring(VERSION.length()));
            return before > 0 ? OptionalLong.of(before) : OptionalLong.empty();
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }
}
