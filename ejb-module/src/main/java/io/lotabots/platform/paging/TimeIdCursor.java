package io.lotabots.platform.paging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The position in a list sorted by a time, then id: API keys and devices by creation, attestations by
 * submission. Encoded by {@link PageCursor}, to the nanosecond. Before the first page it lies before
 * every row.
 */
public record TimeIdCursor(Instant time, UUID id) {

    private static final TimeIdCursor START = new TimeIdCursor(Instant.EPOCH, new UUID(Long.MIN_VALUE, Long.MIN_VALUE));

    /** The position a cursor from {@link #encode()} names, or the start for {@code null}; anything else is malformed. */
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

    /** The cursor that continues after the item at this position. */
    public String encode() {
        return PageCursor.after(time.toString(), id.toString());
    }
}
