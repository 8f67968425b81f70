package io.lotabots.subjectrequest.control;

import java.time.Duration;
import java.time.Instant;

/**
 * GDPR Art. 12(3): an answer within a month of receipt (taken as 30 days), extendable once by up to two
 * further months (60 days) when the request is complex or many, with the subject told why.
 */
public final class GdprClock {

    public static final Duration ANSWER_WITHIN = Duration.ofDays(30);
    public static final Duration MAX_EXTENSION = Duration.ofDays(60);

    private GdprClock() {}

    public static Instant due(Instant receivedAt) {
        return receivedAt.plus(ANSWER_WITHIN);
    }

    /** The new due date of an extension by {@code days}, counted from the original due date. */
    public static Instant extended(Instant receivedAt, int days) {
        if (days < 1 || days > MAX_EXTENSION.toDays()) {
            throw new IllegalArgumentException("an extension is 1 to " + MAX_EXTENSION.toDays() + " days");
        }
        return due(receivedAt).plus(Duration.ofDays(days));
    }

    public static boolean overdue(Instant dueAt, boolean closed, Instant now) {
        return !closed && now.isAfter(dueAt);
    }
}
