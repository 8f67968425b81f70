package io.lotabots.identity.control;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The position in a list sorted by creation time, then id: the sort key of the API-key and device
 * lists. Before the first page it lies before every row.
 */
public record TimeIdCursor(Instant time, UUID id) {

    private static final TimeIdCursor START = new TimeIdCursor(Instant.EPOCH, new UUID(Long.MIN_VALUE, Long.MIN_VALUE));

    /** The position a {@link PageCursor} names, or the start for {@code null}; anything else is malformed. */
    public static TimeIdCursor of(String cursor) {
        if (cursor == null) {
            return START;
        }
        var parts = PageCursor.parts(cursor, 2);
        try {
            return new TimeIdCursor(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new MalformedCursorException();
        }
    }
}
