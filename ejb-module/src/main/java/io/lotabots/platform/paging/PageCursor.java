package io.lotabots.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one cursor codec of every keyset-paged list: an opaque position, the sort key of the last item
 * shown, in unpadded Base64url so clients treat it as a token rather than something to edit. A forged
 * cursor can only move within what the caller may list anyway. Typed positions are {@link TimeIdCursor}
 * and {@link #afterNumber(long)}.
 */
public final class PageCursor {

    private static final String SEPARATOR = "\n";

    private PageCursor() {}

    /** The cursor that continues after an item with these sort-key parts. */
    public static String after(String... parts) {
        for (String part : parts) {
            if (part.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a cursor part must not contain a line break");
            }
        }
        var joined = Arrays.stream(parts).collect(Collectors.joining(SEPARATOR));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort-key parts of a cursor this service issued; anything else is a {@link MalformedCursorException}. */
    public static List<String> parts(String cursor, int expectedParts) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedCursorException();
        }
        var parts = List.of(decoded.split(SEPARATOR, -1));
        if (parts.size() != expectedParts) {
            throw new MalformedCursorException();
        }
        return parts;
    }

    /** The cursor after an item of a list sorted by a positive number alone (the audit trail by sequence). */
    public static String afterNumber(long position) {
        if (position < 1) {
            throw new IllegalArgumentException("a numbered position is positive");
        }
        return after(Long.toString(position));
    }

    /** The position a cursor from {@link #afterNumber} names; anything else is a {@link MalformedCursorException}. */
    public static long number(String cursor) {
        String part = parts(cursor, 1).get(0);
        try {
            long position = Long.parseLong(part);
            if (position > 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new MalformedCursorException();
    }
}
