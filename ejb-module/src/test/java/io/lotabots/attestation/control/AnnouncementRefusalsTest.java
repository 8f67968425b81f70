package io.lotabots.attestation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnnouncementRefusalsTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);

    private final Logger log = Logger.getLogger("test.announcement-refusals." + UUID.randomUUID());
    private final List<LogRecord> records = new ArrayList<>();
    private long now = 1_000_000_000L;
    private AnnouncementRefusals refusals;

    @BeforeEach
    void captureTheLog() {
        log.setUseParentHandlers(false);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        refusals = new AnnouncementRefusals(log, INTERVAL, () -> now);
    }

    @AfterEach
    void release() {
        for (Handler handler : log.getHandlers()) {
            log.removeHandler(handler);
        }
    }

    @Test
    void theFirstRefusalIsWarnedAboutWithItsJob() {
        UUID job = UUID.randomUUID();

        refusals.refused(job, new IllegalStateException("queue full"));

        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertTrue(
                records.get(0).getMessage().contains(job.toString()),
                records.get(0).getMessage());
        assertTrue(records.get(0).getMessage().contains("queue full"));
    }

    @Test
    void refusalsWithinTheIntervalAreCountedIntoTheNextWarning() {
        refusals.refused(UUID.randomUUID(), new IllegalStateException("queue full"));
        for (int i = 0; i < 99; i++) {
            now += Duration.ofMillis(100).toNanos();
            refusals.refused(UUID.randomUUID(), new IllegalStateException("queue full"));
        }
        assertEquals(1, records.size(), "one warning within the interval");

        now += INTERVAL.toNanos();
        UUID latest = UUID.randomUUID();
        refusals.refused(latest, new IllegalStateException("still full"));

        assertEquals(2, records.size());
        String second = records.get(1).getMessage();
        assertTrue(second.startsWith("100 announcements refused"), second);
        assertTrue(second.contains(latest.toString()) && second.contains("still full"), second);
    }

    @Test
    void aRefusalAfterAQuietIntervalIsWarnedAboutAlone() {
        refusals.refused(UUID.randomUUID(), new IllegalStateException("queue full"));
        now += INTERVAL.toNanos() * 3;

        refusals.refused(UUID.randomUUID(), new IllegalStateException("queue full again"));

        assertEquals(2, records.size());
        assertTrue(
                records.get(1).getMessage().startsWith("Announcement of attestation "),
                records.get(1).getMessage());
    }
}
