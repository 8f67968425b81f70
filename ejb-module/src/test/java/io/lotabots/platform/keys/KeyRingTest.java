package io.lotabots.platform.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PERIOD = Duration.ofDays(90);
    private static final Duration OVERLAP = Duration.ofHours(12);

    @Test
    void newestKeySigns() {
        JWK old = SigningAlgorithm.RS256.generate(T0);
        JWK fresh = SigningAlgorithm.RS256.generate(T0.plus(PERIOD));

        assertEquals(
                fresh.getKeyID(), new KeyRing(List.of(old, fresh)).current().getKeyID());
    }

    @Test
    void rotationIsDueAfterThePeriodOrWhenTheAlgorithmChanged() {
        var ring = new KeyRing(List.of(SigningAlgorithm.RS256.generate(T0)));

        assertFalse(ring.rotationDue(T0.plus(PERIOD).minusSeconds(1), PERIOD, SigningAlgorithm.RS256));
        assertTrue(ring.rotationDue(T0.plus(PERIOD), PERIOD, SigningAlgorithm.RS256));
        assertTrue(ring.rotationDue(T0, PERIOD, SigningAlgorithm.ES256));
        assertTrue(new KeyRing(List.of()).rotationDue(T0, PERIOD, SigningAlgorithm.RS256));
    }

    @Test
    void previousKeyStaysPublishedDuringTheOverlapThenGoes() {
        JWK first = SigningAlgorithm.RS256.generate(T0);
        Instant second = T0.plus(PERIOD);
        var ring = new KeyRing(List.of(first)).rotate(SigningAlgorithm.RS256.generate(second), second, OVERLAP);
        assertEquals(2, ring.publicSet().getKeys().size(), "tokens of the first key still verify");

        Instant third = second.plus(PERIOD);
        var later = ring.rotate(SigningAlgorithm.RS256.generate(third), third, OVERLAP);

        assertEquals(2, later.keys().size(), "the second key overlaps; the first is gone");
        assertFalse(later.keys().stream().anyMatch(k -> k.getKeyID().equals(first.getKeyID())));
    }

    @Test
    void publishedSetHasNoPrivateParts() {
        var ring = new KeyRing(List.of(SigningAlgorithm.ES256.generate(T0)));

        assertFalse(ring.publicSet().getKeys().get(0).isPrivate());
        assertTrue(ring.privateSet().getKeys().get(0).isPrivate());
    }

    @Test
    void emptyRingHasNoCurrentKey() {
        assertThrows(IllegalStateException.class, () -> new KeyRing(List.of()).current());
    }
}
