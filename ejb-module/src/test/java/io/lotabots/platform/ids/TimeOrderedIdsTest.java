package io.lotabots.platform.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void carriesVersionSevenAndTheRfcVariant() {
        UUID id = TimeOrderedIds.next();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void startsWithTheMillisecondsItWasMadeAt() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();
        long at = TimeOrderedIds.unixMillis(id);
        assertTrue(before <= at && at <= after, at + " outside " + before + ".." + after);
    }

    @Test
    void laysOutTheBitsAsRfc9562SaysWhateverTheRandomBits() {
        // RFC 9562, appendix A.6: 2022-02-22 19:22:22 UTC is 0x017F22E279B0 ms
        UUID ones = TimeOrderedIds.at(0x017F22E279B0L, -1L, -1L);
        UUID zeros = TimeOrderedIds.at(0x017F22E279B0L, 0L, 0L);
        assertEquals("017f22e2-79b0-7fff-bfff-ffffffffffff", ones.toString());
        assertEquals("017f22e2-79b0-7000-8000-000000000000", zeros.toString());
    }

    @Test
    void anIdOfALaterMillisecondSortsAfterWhateverItsRandomBits() {
        UUID earlier = TimeOrderedIds.at(1_000_000L, -1L, -1L);
        UUID later = TimeOrderedIds.at(1_000_001L, 0L, 0L);
        // PostgreSQL orders uuid values by their bytes, unsigned, as this string comparison does
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void idsMadeTogetherDiffer() {
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(TimeOrderedIds.next()));
        }
    }

    @Test
    void refusesTimesThatDoNotFitFortyEightBits() {
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.at(-1L, 0L, 0L));
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.at(1L << 48, 0L, 0L));
    }

    @Test
    void readsTheTimeOnlyOfVersionSevenIds() {
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.unixMillis(UUID.randomUUID()));
    }
}
