package io.lotabots.platform.keys;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.lotabots.platform.crypto.SigningKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One P-256 (ES256) key pair that never rotates, in its own encrypted key file: the audit checkpoint
 * key and the attestation result key. Callers serialise creation across the cluster (each holds a
 * PostgreSQL lock while calling {@link #loadOrCreate}).
 */
public final class SingleEcKey {

    private static final Logger LOG = Logger.getLogger(SingleEcKey.class.getName());

    private final KeyFile file;
    private final Clock clock;
    private final String purpose;
    private volatile ECKey key;

    /** @param purpose how the log names the key, e.g. "audit checkpoint signing key" */
    public SingleEcKey(KeyFile file, Clock clock, String purpose) {
        this.file = file;
        this.clock = clock;
        this.purpose = purpose;
    }

    /** The key pair, if the file holds one (read once, then kept). */
    public Optional<ECKey> load() {
        if (key == null) {
            try {
                file.read().map(set -> (ECKey) set.getKeys().get(0)).ifPresent(found -> key = found);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.ofNullable(key);
    }

    /** The public half, for publication; empty before the key exists. */
    public Optional<ECKey> publicKey() {
        return load().map(ECKey::toPublicJWK);
    }

    /** Reads the file again (another server may have just created the key) and creates the key if absent. */
    public synchronized ECKey loadOrCreate() {
        key = null;
        return load().orElseGet(this::create);
    }

    private ECKey create() {
        try {
            var fresh = SigningKeyGenerator.p256(clock.instant());
            file.write(new JWKSet(List.of(fresh)));
            key = fresh;
            LOG.info(() -> "Created the " + purpose + " " + fresh.getKeyID());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
