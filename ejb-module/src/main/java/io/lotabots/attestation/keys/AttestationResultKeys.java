package io.lotabots.attestation.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.lotabots.identity.keys.KeyFile;
import io.lotabots.identity.keys.SigningKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(AttestationResultKeys.class.getName());

    @Inject
    SigningKeys signingKeys;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    private KeyFile file;
    private volatile ECKey key;

    @PostConstruct
    void open() {
        file = signingKeys.companionFile(FILE_NAME);
    }

    /** The private key; creates it on first use. Call inside a transaction (the creation lock is transactional). */
    public ECKey signingKey() {
        var loaded = load();
        if (loaded.isPresent()) {
            return loaded.get();
        }
        em.createNativeQuery("select pg_advisory_xact_lock(" + CREATE_LOCK + ")")
                .getSingleResult();
        synchronized (this) {
            key = null;
            return load().orElseGet(this::create);
        }
    }

    /** The public key, for the JWKS; empty before the first attestation result. */
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
            LOG.info(() -> "Created attestation result signing key " + fresh.getKeyID());
            return fresh;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a P-256 key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
