package io.lotabots.identity.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.platform.keys.KeyFiles;
import io.lotabots.platform.keys.SigningAlgorithm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyAuditTest {

    @TempDir
    Path dir;

    private final RecordingTrail trail = new RecordingTrail();

    @Test
    void theFirstKeyIsRecordedAsARotationOnThePlatformChain() {
        var keys = signingKeys(Instant.parse("2026-01-01T00:00:00Z"));

        var event = trail.records.get(0);
        assertEquals(1, trail.records.size());
        assertEquals("keys.rotated", event.action());
        assertEquals("system", event.actor());
        assertEquals(AuditTrail.PLATFORM, event.tenantId());
        assertEquals(keys.current().getKeyID(), event.targetId());
        assertFalse(event.details().containsKey("previousKey"));
    }

    @Test
    void aDueRotationNamesTheKeyItReplaces() {
        var keys = signingKeys(Instant.parse("2026-01-01T00:00:00Z"));
        String first = keys.current().getKeyID();
        keys.clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

        assertTrue(keys.rotateIfDue());

        var event = trail.records.get(1);
        assertNotEquals(first, event.targetId());
        assertEquals(first, event.details().getString("previousKey"));
        assertEquals(2, event.details().getInt("publishedKeys"));
    }

    @Test
    void aRotationGoesAheadWhenTheAuditTrailIsDown() {
        trail.down = true;

        var keys = signingKeys(Instant.parse("2026-01-01T00:00:00Z"));

        assertTrue(keys.current().isPrivate());
    }

    private SigningKeys signingKeys(Instant now) {
        var keys = new SigningKeys();
        keys.files = KeyFiles.at(dir.resolve("signing-keys.jwe"), "unit-test-key-password".toCharArray());
        keys.algorithm = SigningAlgorithm.ES256;
        keys.rotationPeriod = Duration.ofDays(90);
        keys.tokens = new io.lotabots.identity.tokens.TokenSettings() {
            @Override
            public Duration sessionMaxLifetime() {
                return Duration.ofHours(12);
            }
        };
        keys.clock = Clock.fixed(now, ZoneOffset.UTC);
        keys.audit = trail;
        keys.open();
        return keys;
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
