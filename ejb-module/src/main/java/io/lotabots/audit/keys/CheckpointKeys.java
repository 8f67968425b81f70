package io.lotabots.audit.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import io.lotabots.audit.control.CheckpointSigner;
import io.lotabots.platform.keys.KeyFiles;
import io.lotabots.platform.keys.SingleEcKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * The ES256 key pair that signs audit checkpoints, in an encrypted key file beside the token
 * signing keys ({@code audit-checkpoint-keys.jwe}, same password). It is created by the first
 * sealing run, which holds the cluster-wide sealer lock, so two servers never create two keys.
 * It does not rotate: old checkpoints stay verifiable with the one published key.
 */
@ApplicationScoped
public class CheckpointKeys {

    static final String FILE_NAME = "audit-checkpoint-keys.jwe";

    @Inject
    KeyFiles keyFiles;

    @Inject
    Clock clock;

    private SingleEcKey key;

    @PostConstruct
    void open() {
        key = new SingleEcKey(keyFiles.companion(FILE_NAME), clock, "audit checkpoint signing key");
    }

    /** The signer; creates the key pair if there is none yet. Call only while holding the sealer lock. */
    public CheckpointSigner signer() {
        var current = key.load().orElseGet(key::loadOrCreate);
        try {
            return new CheckpointSigner(current.getKeyID(), current.toECPrivateKey(), current.toECPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("checkpoint key " + current.getKeyID() + " is not a P-256 key pair", e);
        }
    }

    /** The public key, for verification and publication; empty before the first checkpoint. */
    public Optional<ECKey> publicKey() {
        return key.publicKey();
    }
}
