package io.lotabots.identity.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.lotabots.identity.tokens.TokenSettings;
import io.lotabots.platform.keys.KeyFile;
import io.lotabots.platform.keys.KeyFiles;
import io.lotabots.platform.keys.KeyRing;
import io.lotabots.platform.keys.SigningAlgorithm;
import io.lotabots.platform.keys.SigningKeyRotated;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token signing keys of this deployment, from the primary key file (created with a first key
 * if absent). Other servers' rotations are picked up by watching the file.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final long RELOAD_CHECK_MILLIS = 5_000;

    @Inject
    KeyFiles files;

    @Inject
    @ConfigProperty(name = "lotabots.jwt.algorithm", defaultValue = "RS256")
    SigningAlgorithm algorithm;

    @Inject
    @ConfigProperty(name = "lotabots.keys.rotation-period", defaultValue = "P90D")
    Duration rotationPeriod;

    /** Retired keys stay published as long as a session (and so a token it was issued) may live. */
    @Inject
    TokenSettings tokens;

    @Inject
    Clock clock;

    /** Observed by the audit trail, which records each rotation. */
    @Inject
    Event<SigningKeyRotated> rotations;

    private KeyFile file;
    private volatile KeyRing ring;
    private volatile Published published;
    private volatile long loadedModified;
    private volatile long nextReloadCheck;

    @PostConstruct
    void open() {
        file = files.primary();
        synchronized (this) {
            reload();
            if (ring == null || ring.rotationDue(clock.instant(), rotationPeriod, algorithm)) {
                rotate();
            }
        }
    }

    /** The key that signs new tokens. */
    public JWK current() {
        return ring().current();
    }

    /** Every key whose tokens may still be valid, public parts only: the JWKS document. */
    public JWKSet publicKeys() {
        KeyRing current = ring();
        Published last = published;
        if (last == null || last.ring() != current) {
            last = new Published(current, current.publicSet());
            published = last;
        }
        return last.keys();
    }

    /** The public set of one ring, kept because every request's token check asks for it. */
    private record Published(KeyRing ring, JWKSet keys) {}

    /** Adds a new signing key if the current one is older than the rotation period; true if it did. */
    public synchronized boolean rotateIfDue() {
        reload();
        if (!ring.rotationDue(clock.instant(), rotationPeriod, algorithm)) {
            return false;
        }
        rotate();
        return true;
    }

    private void rotate() {
        var now = clock.instant();
        var fresh = algorithm.generate(now);
        var next = ring == null
                ? new KeyRing(java.util.List.of(fresh))
                : ring.rotate(fresh, now, tokens.sessionMaxLifetime());
        try {
            file.write(next.privateSet());
            loadedModified = file.lastModified();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var previous = ring;
        ring = next;
        LOG.info(() -> "New " + algorithm + " signing key " + fresh.getKeyID() + "; "
                + next.keys().size() + " key(s) published");
        recordRotation(fresh, previous, next);
    }

    private void recordRotation(JWK fresh, KeyRing previous, KeyRing next) {
        var rotation = new SigningKeyRotated(
                fresh.getKeyID(),
                algorithm,
                previous == null ? null : previous.current().getKeyID(),
                next.keys().size());
        try {
            rotations.fire(rotation);
        } catch (RuntimeException e) {
            // the new key is in the file already; refusing to use it would not undo the rotation
            LOG.log(Level.SEVERE, "Signing key " + fresh.getKeyID() + " rotated, but recording the rotation failed", e);
        }
    }

    private KeyRing ring() {
        long now = clock.millis();
        if (now >= nextReloadCheck) {
            nextReloadCheck = now + RELOAD_CHECK_MILLIS;
            synchronized (this) {
                reload();
            }
        }
        return ring;
    }

    private void reload() {
        try {
            long modified = file.lastModified();
            if (ring != null && modified == loadedModified) {
                return;
            }
            file.read().ifPresent(keys -> ring = KeyRing.of(keys));
            loadedModified = modified;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
