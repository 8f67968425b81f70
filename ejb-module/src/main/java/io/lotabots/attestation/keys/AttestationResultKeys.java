package io.lotabots.attestation.keys;

import com.nimbusds.jose.jwk.ECKey;
import io.lotabots.platform.keys.KeyFiles;
import io.lotabots.platform.keys.SingleEcKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The P-256 key pair that signs attestation results, in an encrypted key file beside the token
 * signing keys ({@code attestation-result-keys.jwe}, same password). The first verdict creates it
 * while holding a PostgreSQL advisory lock, so a cluster never makes two. Its public key is published
 * in {@code /.well-known/jwks.json} beside the access-token keys; it is not an access-token key
 * (MicroProfile JWT accepts only the configured algorithm, issuer and audience, none of which an
 * attestation result carries).
 */
@ApplicationScoped
public class AttestationResultKeys {

    static final String FILE_NAME = "attestation-result-keys.jwe";
    /** Advisory lock id for creating the key: ASCII "lbattkey". */
    private static final long CREATE_LOCK = 0x6c62617474_6b6579L;

    @Inject
    KeyFiles keyFiles;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    private SingleEcKey key;

    @PostConstruct
    void open() {
        key = new SingleEcKey(keyFiles.companion(FILE_NAME), clock, "attestation result signing key");
    }

    /** The private key; creates it on first use. Call inside a transaction (the creation lock is transactional). */
    public ECKey signingKey() {
        var loaded = key.load();
        if (loaded.isPresent()) {
            return loaded.get();
        }
        em.createNativeQuery("select pg_advisory_xact_lock(" + CREATE_LOCK + ")")
                .getSingleResult();
        return key.loadOrCreate();
    }

    /** The public key, for the JWKS; empty before the first attestation result. */
    public Optional<ECKey> publicKey() {
        return key.publicKey();
    }
}
