package io.lotabots.attestation.control;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Announcements the queue refused, warned about at most once per interval with how many there were.
 * A full queue refused every submission's announcement, thousands a minute, and a warning for each
 * drowned the log (8180 lines in one benchmark run).
 */
final class AnnouncementRefusals {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong nextWarning;

    AnnouncementRefusals(Logger log, Duration interval, LongSupplier nanoTime) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.nextWarning = new AtomicLong(nanoTime.getAsLong());
    }

    void refused(UUID jobId, RuntimeException cause) {
        unreported.incrementAndGet();
        long now = nanoTime.getAsLong();
        long due = nextWarning.get();
        if (now - due < 0 || !nextWarning.compareAndSet(due, now + intervalNanos)) {
            return;
        }
        long count = unreported.getAndSet(0);
        log.warning(() -> count == 1
                ? "Announcement of attestation " + jobId + " refused, held until the queue takes it: " + cause
                : count + " announcements refused since the last warning, held until the queue takes them; the latest "
                        + jobId + ": " + cause);
    }
}
