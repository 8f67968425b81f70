package io.lotabots.identity.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The signing keys at one moment: the newest signs, older ones stay published until every token
 * they signed has expired (the rotation overlap). Pure logic, no I/O.
 */
record KeyRing(List<JWK> keys) {

    KeyRing {
        keys = keys.stream()
                .sorted(Comparator.comparing(KeyRing::created).reversed())
                .toList();
    }

    static KeyRing of(JWKSet set) {
        return new KeyRing(set.getKeys());
    }

    JWK current() {
        if (keys.isEmpty()) {
            throw new IllegalStateException("no signing key");
        }
        return keys.get(0);
    }

    boolean rotationDue(Instant now, Duration rotationPeriod, SigningAlgorithm algorithm) {
        return keys.isEmpty()
                || !algorithm.jws().equals(current().getAlgorithm())
                || !now.isBefore(created(current()).plus(rotationPeriod));
    }

    /** Adds a new current key and drops keys retired for longer than the overlap. */
    KeyRing rotate(JWK fresh, Instant now, Duration overlap) {
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

    JWKSet publicSet() {
        return new JWKSet(keys.stream().map(JWK::toPublicJWK).toList());
    }

    JWKSet privateSet() {
        return new JWKSet(keys);
    }

    static Instant created(JWK key) {
        return key.getIssueTime() == null ? Instant.EPOCH : key.getIssueTime().toInstant();
    }
}
