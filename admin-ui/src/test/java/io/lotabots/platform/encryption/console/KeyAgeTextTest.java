package io.lotabots.platform.encryption.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.platform.encryption.KeyManagement.KekStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyAgeTextTest {

    private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final Instant CREATED = Instant.parse("2026-09-01T10:00:00Z");

    private static KekStatus version(int number, String state, long dataKeys) {
        return new KekStatus(TENANT, number, "local", state, CREATED.plusSeconds(number), 0, dataKeys);
    }

    @Test
    void agesReadInDaysHoursAndMinutes() {
        assertEquals("45 s", KeyAgeText.age(45));
        assertEquals("0 s", KeyAgeText.age(-3));
        assertEquals("3 min", KeyAgeText.age(3 * 60 + 7));
        assertEquals("2 h 0 min", KeyAgeText.age(2 * 3600));
        assertEquals("1 d 2 h 3 min", KeyAgeText.age(86400 + 2 * 3600 + 3 * 60));
        assertEquals("90 d 0 h 0 min", KeyAgeText.age(90L * 86400));
    }

    @Test
    void theCurrentVersionFallsDueAfterTheRotationPeriod() {
        var versions = List.of(version(2, "CURRENT", 10), version(1, "RETIRED", 4));

        assertEquals(Optional.of(CREATED.plusSeconds(2).plusSeconds(90L * 86400)), KeyAgeText.due(versions, 90));
        assertTrue(KeyAgeText.due(List.of(version(1, "DESTROYED", 0)), 90).isEmpty());
    }

    @Test
    void reWrapWorkIsTheDataKeysUnderRetiredVersions() {
        var versions = List.of(version(3, "CURRENT", 10), version(2, "RETIRED", 4), version(1, "DESTROYED", 0));

        assertEquals(4, KeyAgeText.toRewrap(versions));
        assertEquals(0, KeyAgeText.toRewrap(List.of(version(1, "CURRENT", 7))));
    }
}
