package io.lotabots.audit.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.lotabots.audit.control.CheckpointSigner;
import io.lotabots.identity.keys.KeyFile;
import io.lotabots.identity.keys.SigningKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The ES256 key pair that signs audit checkpoints, in an encrypted key file beside the token
 * signing keys ({@code audit-checkpoint-keys.jwe}, same password). It is created by the first
 * sealing run, which holds the cluster-wide sealer lock, so two servers never create two keys.
 * It does not rotate: old checkpoints stay verifiable with the one published key.
 */
@ApplicationScoped
public class CheckpointKeys {

    static final String FILE_NAME = "audit-checkpoint-keys.jwe";
    private static final Logger LOG = Logger.getLogger(CheckpointKeys.class.getName());

    @Inject
    SigningKeys signingKeys;

    @Inject
    Clock clock;

    private KeyFile file;
    private volatile ECKey key;

    @PostConstruct
    void open() {
        file = signingKeys.companionFile(FILE_NAME);
    }

    /** The signer; creates the key pair if there is none yet. Call only while holding the sealer lock. */
    public synchronized CheckpointSigner signer() {
        var current = load().orElseGet(this::create);
        try {
            return new CheckpointSigner(current.getKeyID(), current.toECPrivateKey(), current.toECPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("checkpoint key " + current.getKeyID() + " is not a P-256 key pair", e);
        }
    }

    /** The public key, for verification and publication; empty before the first checkpoint. */
    public Optional<ECKey> publicKey() {
        return load().map(ECKey::toPublicJWK);
    }

    private Optional<ECKey> load() {
        if (key == null) {
            try {
                file.read().map(set -> (ECKey) set.getKeys().get(0)).ifPresent(found -> key = found);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.ofNullable(key);
    }

    private ECKey create() {
        try {
            var fresh = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .issueTime(Date.from(clock.instant()))
                    .generate();
            file.write(new JWKSet(List.of(fresh)));
            key = fresh;
            LOG.info(() -> "Created audit checkpoint signing key " + fresh.getKeyID());
            return fresh;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a P-256 key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
