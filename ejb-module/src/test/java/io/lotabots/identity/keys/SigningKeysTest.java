package io.lotabots.identity.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.platform.keys.KeyFiles;
import io.lotabots.platform.keys.SigningAlgorithm;
import io.lotabots.platform.keys.SigningKeyRotated;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    private final Rotations rotations = new Rotations();

    @Test
    void theFirstKeyIsAnnouncedAsARotationWithoutAPredecessor() {
        var keys = signingKeys(Instant.parse("2026-01-01T00:00:00Z"));

        assertEquals(1, rotations.fired.size());
        var rotation = rotations.fired.get(0);
        assertEquals(keys.current().getKeyID(), rotation.keyId());
        assertEquals(SigningAlgorithm.ES256, rotation.algorithm());
        assertNull(rotation.previousKeyId());
        assertEquals(1, rotation.publishedKeys());
    }

    @Test
    void aDueRotationNamesTheKeyItReplaces() {
        var keys = signingKeys(Instant.parse("2026-01-01T00:00:00Z"));
        String first = keys.current().getKeyID();
        keys.clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

        assertTrue(keys.rotateIfDue());

        var rotation = rotations.fired.get(1);
        assertNotEquals(first, rotation.keyId());
        assertEquals(keys.current().getKeyID(), rotation.keyId());
        assertEquals(first, rotation.previousKeyId());
        assertEquals(2, rotation.publishedKeys());
    }

    @Test
    void aRotationThatIsNotDueAnnouncesNothing() {
        var keys = signingKeys(Instant.parse("2026-01-01T00:00:00Z"));

        assertFalse(keys.rotateIfDue());
        assertEquals(1, rotations.fired.size());
    }

    @Test
    void aRotationGoesAheadWhenAnObserverFails() {
        rotations.observerFails = true;

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
        keys.rotations = rotations;
        keys.open();
        return keys;
    }

    /** Keeps the events fired, or fails like an observer whose database is down. */
    private static final class Rotations implements Event<SigningKeyRotated> {
        final List<SigningKeyRotated> fired = new ArrayList<>();
        boolean observerFails;

        @Override
        public void fire(SigningKeyRotated event) {
            if (observerFails) {
                throw new IllegalStateException("database down");
            }
            fired.add(event);
        }

        @Override
        public <U extends SigningKeyRotated> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SigningKeyRotated> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<SigningKeyRotated> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SigningKeyRotated> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SigningKeyRotated> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
