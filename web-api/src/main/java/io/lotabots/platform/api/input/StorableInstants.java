package io.lotabots.platform.api.input;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Instants a client may send: ISO-8601 UTC with a four-digit year. Instant allows years up to
 * ±999999999, which PostgreSQL's timestamptz and its JDBC driver cannot store or compare against.
 */
public final class StorableInstants {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String RANGE = "between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private StorableInstants() {}

    /** The instant, or an {@link IllegalArgumentException} whose message says what is wrong. */
    public static Instant parse(String text) {
        Instant value;
        try {
            value = Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 UTC time such as 2026-01-31T09:00:00Z");
        }
        if (value.isBefore(MIN) || value.isAfter(MAX)) {
            throw new IllegalArgumentException("must be " + RANGE);
        }
        return value;
    }
}
