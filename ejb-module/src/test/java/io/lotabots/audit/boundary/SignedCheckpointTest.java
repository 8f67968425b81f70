package io.lotabots.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.lotabots.audit.control.Checkpoint;
import io.lotabots.audit.control.CheckpointSigner;
import io.lotabots.audit.entity.AuditCheckpoint;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedCheckpointTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final byte[] HASH = new byte[32];
    private static final ECKey KEY = key();
    private static final ECKey OTHER_KEY = key();

    private static ECKey key() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditCheckpoint row(ECKey signingKey, String chain, byte[] storedHash) throws Exception {
        var signer =
                new CheckpointSigner(signingKey.getKeyID(), signingKey.toECPrivateKey(), signingKey.toECPublicKey());
        String jws = signer.sign(new Checkpoint(chain, 7, "00".repeat(32), null, Instant.EPOCH, 7));
        return new AuditCheckpoint(TENANT, 7, storedHash, jws, "audit/checkpoints/x.jws", Instant.EPOCH);
    }

    @Test
    void aCheckpointSignedByThePublishedKeyAttestsItsHead() throws Exception {
        var checked = SignedCheckpoint.check(row(KEY, TENANT.toString(), HASH), TENANT, Optional.of(KEY.toPublicJWK()));

        assertTrue(checked.valid(), checked.problem());
        assertEquals(7, checked.attested().sequence());
        assertEquals(KEY.getKeyID(), checked.status().keyId());
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsNotTrusted() throws Exception {
        var checked =
                SignedCheckpoint.check(row(OTHER_KEY, TENANT.toString(), HASH), TENANT, Optional.of(KEY.toPublicJWK()));

        assertFalse(checked.valid());
        assertFalse(checked.status().signatureValid());
        assertTrue(checked.problem().contains("not validly signed"), checked.problem());
    }

    @Test
    void aRowWhoseHashWasEditedDisagreesWithItsToken() throws Exception {
        var edited = new byte[32];
        edited[0] = 1;

        var checked =
                SignedCheckpoint.check(row(KEY, TENANT.toString(), edited), TENANT, Optional.of(KEY.toPublicJWK()));

        assertFalse(checked.valid());
        assertTrue(checked.problem().contains("differs from its signed token"), checked.problem());
    }

    @Test
    void aCheckpointOfAnotherTenantsChainIsNotThisOnesHead() throws Exception {
        var checked = SignedCheckpoint.check(
                row(KEY, UUID.randomUUID().toString(), HASH), TENANT, Optional.of(KEY.toPublicJWK()));

        assertFalse(checked.valid());
    }

    @Test
    void withoutTheKeyNothingCanBeTrusted() throws Exception {
        var checked = SignedCheckpoint.check(row(KEY, TENANT.toString(), HASH), TENANT, Optional.empty());

        assertFalse(checked.valid());
        assertTrue(checked.problem().contains("missing"), checked.problem());
    }
}
