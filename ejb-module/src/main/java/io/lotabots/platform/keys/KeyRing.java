package io.lotabots.platform.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rotating signing keys at one moment: the newest signs, older ones stay published until every token
 * they signed has expired (the rotation overlap). Pure logic, no I/O.
 */
public record KeyRing(List<JWK> keys) {

    public KeyRing {
        keys = keys.stream()
                .sorted(Comparator.comparing(KeyRing::created).reversed())
                .toList();
    }

    public static KeyRing of(JWKSet set) {
        return new KeyRing(set.getKeys());
    }

    public JWK current() {
        if (keys.isEmpty()) {
            throw new IllegalStateException("no signing key");
        }
        return keys.get(0);
    }

    public boolean rotationDue(Instant now, Duration rotationPeriod, SigningAlgorithm algorithm) {
        return keys.isEmpty()
                || !algorithm.jws().equals(current().getAlgorithm())
                || !now.isBefore(created(current()).plus(rotationPeriod));
    }

    /** Adds a new current key and drops keys retired for longer than the overlap. */
    public KeyRing rotate(JWK fresh, Instant now, Duration overlap) {
        var kept = new ArrayList<JWK>();
        kept.add(fresh);
        Instant retiredAt = now;
        for (JWK key : keys) {
            // a key is retired when its successor took over; keep it while tokens it signed may live
            if (!now.isAfter(retiredAt.plus(overlap))) {
                kept.add(key);
            }
            retiredAt = created(key);
        }
        return new KeyRing(kept);
    }

    public JWKSet publicSet() {
        return new JWKSet(keys.stream().map(JWK::toPublicJWK).toList());
    }

    public JWKSet privateSet() {
        return new JWKSet(keys);
    }

    static Instant created(JWK key) {
        return key.getIssueTime() == null ? Instant.EPOCH : key.getIssueTime().toInstant();
    }
}
