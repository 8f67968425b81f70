package io.lotabots.attestation.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentEvidenceTest {

    private static RecentEvidence limitedTo(long bytes) {
        var recent = new RecentEvidence();
        recent.limitBytes = bytes;
        return recent;
    }

    @Test
    void handsADocumentOutOnce() {
        var recent = limitedTo(1000);
        var id = UUID.randomUUID();
        recent.keep(id, new byte[] {1, 2, 3});

        assertArrayEquals(new byte[] {1, 2, 3}, recent.take(id).orElseThrow());
        assertTrue(recent.take(id).isEmpty());
        assertEquals(0, recent.heldBytes());
    }

    @Test
    void anUnknownJobHasNoDocument() {
        assertTrue(limitedTo(1000).take(UUID.randomUUID()).isEmpty());
    }

    @Test
    void evictsTheOldestBeyondTheLimit() {
        var recent = limitedTo(250);
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        var third = UUID.randomUUID();
        recent.keep(first, new byte[100]);
        recent.keep(second, new byte[100]);
        recent.keep(third, new byte[100]);

        assertTrue(recent.take(first).isEmpty());
        assertEquals(200, recent.heldBytes());
        assertTrue(recent.take(second).isPresent());
        assertTrue(recent.take(third).isPresent());
    }

    @Test
    void keepsNothingLargerThanTheLimit() {
        var recent = limitedTo(50);
        var small = UUID.randomUUID();
        recent.keep(small, new byte[10]);
        var large = UUID.randomUUID();
        recent.keep(large, new byte[51]);

        assertTrue(recent.take(large).isEmpty());
        assertTrue(recent.take(small).isPresent());
    }

    @Test
    void keepingAgainReplacesAndCountsOnce() {
        var recent = limitedTo(1000);
        var id = UUID.randomUUID();
        recent.keep(id, new byte[100]);
        recent.keep(id, new byte[40]);

        assertEquals(40, recent.heldBytes());
        assertEquals(40, recent.take(id).orElseThrow().length);
    }
}
