package io.lotabots.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.platform.keys.SigningAlgorithm;
import io.lotabots.platform.keys.SigningKeyRotated;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyRotationAuditTest {

    private final RecordingTrail trail = new RecordingTrail();
    private final KeyRotationAudit audit = new KeyRotationAudit();

    {
        audit.trail = trail;
    }

    @Test
    void aRotationIsTheSystemsActionOnThePlatformChain() {
        audit.rotated(new SigningKeyRotated("new-key", SigningAlgorithm.RS256, "old-key", 2));

        assertEquals(1, trail.records.size());
        var event = trail.records.get(0);
        assertEquals("keys.rotated", event.action());
        assertEquals("system", event.actor());
        assertEquals(AuditTrail.PLATFORM, event.tenantId());
        assertEquals("signing-key", event.targetType());
        assertEquals("new-key", event.targetId());
        assertEquals("RS256", event.details().getString("algorithm"));
        assertEquals("old-key", event.details().getString("previousKey"));
        assertEquals(2, event.details().getInt("publishedKeys"));
    }

    @Test
    void aFirstKeyHasNoPreviousKey() {
        audit.rotated(new SigningKeyRotated("first-key", SigningAlgorithm.ES256, null, 1));

        assertFalse(trail.records.get(0).details().containsKey("previousKey"));
    }

    @Test
    void aTrailThatCannotWriteTellsTheFirer() {
        trail.down = true;

        assertThrows(
                IllegalStateException.class,
                () -> audit.rotated(new SigningKeyRotated("k", SigningAlgorithm.ES256, null, 1)));
    }

    /** Keeps what would have been written, or fails like an unreachable database. */
    private static final class RecordingTrail extends AuditTrail {
        final List<AuditRecord> records = new ArrayList<>();
        boolean down;

        @Override
        public UUID recordAlone(AuditRecord record) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            records.add(record);
            return UUID.randomUUID();
        }
    }
}
