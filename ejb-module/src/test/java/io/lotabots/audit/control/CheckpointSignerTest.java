package io.lotabots.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CheckpointSignerTest {

    private static final String CHAIN = "7f4c1a52-0c9e-4b8e-9d61-3a2f5e8b9c10";
    private static final KeyPair KEYS = CheckpointSigner.generateKeyPair();
    private static final KeyPair OTHER_KEYS = CheckpointSigner.generateKeyPair();

    private final CheckpointSigner signer =
            new CheckpointSigner("audit-2026-11", (ECPrivateKey) KEYS.getPrivate(), (ECPublicKey) KEYS.getPublic());
    private final Checkpoint checkpoint =
            new Checkpoint(CHAIN, 1200, "ab".repeat(32), "cd".repeat(32), Instant.parse("2026-11-26T08:00:00Z"), 1200);

    private static ECPublicKey publicKey() {
        return (ECPublicKey) KEYS.getPublic();
    }

    private static String signedJwt(JWSHeader header, JWTClaimsSet claims) throws Exception {
        var token = new SignedJWT(header, claims);
        token.sign(new ECDSASigner((ECPrivateKey) KEYS.getPrivate()));
        return token.serialize();
    }

    private static JWSHeader checkpointHeader() {
        return new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(CheckpointSigner.TYPE)
                .keyID("audit-2026-11")
                .build();
    }

    @Test
    void aSignedCheckpointVerifiesWithItsPublicKeyAndReadsBackUnchanged() throws Exception {
        assertEquals(checkpoint, CheckpointSigner.verify(signer.sign(checkpoint), publicKey()));
    }

    @Test
    void theFirstCheckpointHasNoPreviousOne() throws Exception {
        var first = new Checkpoint(CHAIN, 0, "00".repeat(32), null, Instant.parse("2026-11-26T08:00:00Z"), 0);

        assertNull(CheckpointSigner.verify(signer.sign(first), publicKey()).previousCheckpoint());
    }

    @Test
    void theHeaderNamesEs256TheKeyAndTheCheckpointType() throws Exception {
        var header = SignedJWT.parse(signer.sign(checkpoint)).getHeader();

        assertEquals(JWSAlgorithm.ES256, header.getAlgorithm());
        assertEquals("audit-2026-11", header.getKeyID());
        assertEquals(new JOSEObjectType("audit-checkpoint+jwt"), header.getType());
    }

    @Test
    void thePayloadCarriesTheHashAsHexAndTheTimeAsIso8601() throws Exception {
        var payload = SignedJWT.parse(signer.sign(checkpoint)).getPayload().toJSONObject();

        assertEquals("ab".repeat(32), payload.get("hash"));
        assertEquals("2026-11-26T08:00:00Z", payload.get("createdAt"));
        assertEquals(1200L, ((Number) payload.get("sequence")).longValue());
        assertEquals(1200L, ((Number) payload.get("eventCount")).longValue());
        assertEquals("cd".repeat(32), payload.get("previousCheckpoint"));
        assertEquals(CHAIN, payload.get("chain"));
    }

    @Test
    void aCheckpointWithoutItsChainIsRejected() throws Exception {
        var claims = new JWTClaimsSet.Builder(
                        SignedJWT.parse(signer.sign(checkpoint)).getJWTClaimsSet())
                .claim("chain", null)
                .build();

        var rejection = assertThrows(
                CheckpointRejectedException.class,
                () -> CheckpointSigner.verify(signedJwt(checkpointHeader(), claims), publicKey()));
        assertEquals("checkpoint payload has no chain", rejection.getMessage());
    }

    @Test
    void thePublishedKeyIsPublicOnly() {
        var jwk = signer.publicJwk();

        assertFalse(jwk.isPrivate());
        assertEquals("audit-2026-11", jwk.getKeyID());
        assertEquals(JWSAlgorithm.ES256, jwk.getAlgorithm());
    }

    @Test
    void rejectsACheckpointSignedByAnotherKey() {
        var other = new CheckpointSigner(
                "audit-2026-11", (ECPrivateKey) OTHER_KEYS.getPrivate(), (ECPublicKey) OTHER_KEYS.getPublic());

        var rejection = assertThrows(
                CheckpointRejectedException.class, () -> CheckpointSigner.verify(other.sign(checkpoint), publicKey()));
        assertEquals("signature does not verify with the given key", rejection.getMessage());
    }

    @Test
    void rejectsACheckpointWhosePayloadWasChanged() {
        var parts = signer.sign(checkpoint).split("\\.");
        var forgedPayload = Base64URL.encode(new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replace("\"eventCount\":1200", "\"eventCount\":1100"));
        var forged = parts[0] + "." + forgedPayload + "." + parts[2];

        assertThrows(CheckpointRejectedException.class, () -> CheckpointSigner.verify(forged, publicKey()));
    }

    @Test
    void rejectsAnUnsignedTokenWithAlgNone() throws Exception {
        var header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"audit-checkpoint+jwt\"}");
        var payload = SignedJWT.parse(signer.sign(checkpoint)).getParsedParts()[1];

        for (var unsigned : new String[] {header + "." + payload + ".", header + "." + payload}) {
            assertThrows(CheckpointRejectedException.class, () -> CheckpointSigner.verify(unsigned, publicKey()));
        }
    }

    @Test
    void rejectsAnHs256TokenKeyedWithThePublicKey() throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(CheckpointSigner.TYPE)
                .build();
        var token =
                new SignedJWT(header, SignedJWT.parse(signer.sign(checkpoint)).getJWTClaimsSet());
        token.sign(new MACSigner(publicKey().getEncoded()));

        var rejection = assertThrows(
                CheckpointRejectedException.class, () -> CheckpointSigner.verify(token.serialize(), publicKey()));
        assertEquals("algorithm HS256 is not ES256", rejection.getMessage());
    }

    @Test
    void rejectsAnotherKindOfTokenSignedWithTheSameKey() throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT)
                .build();
        var token = signedJwt(header, SignedJWT.parse(signer.sign(checkpoint)).getJWTClaimsSet());

        var rejection =
                assertThrows(CheckpointRejectedException.class, () -> CheckpointSigner.verify(token, publicKey()));
        assertTrue(rejection.getMessage().startsWith("type JWT"), rejection.getMessage());
    }

    @Test
    void rejectsASignedCheckpointThatLacksAField() throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .claim("chain", CHAIN)
                .claim("sequence", 3)
                .claim("createdAt", "2026-11-26T08:00:00Z")
                .claim("eventCount", 3)
                .build();

        var rejection = assertThrows(
                CheckpointRejectedException.class,
                () -> CheckpointSigner.verify(signedJwt(checkpointHeader(), claims), publicKey()));
        assertEquals("checkpoint payload has no hash", rejection.getMessage());
    }

    @Test
    void rejectsASignedCheckpointWithAMalformedHashOrTime() throws Exception {
        var badHash = new JWTClaimsSet.Builder()
                .claim("chain", CHAIN)
                .claim("sequence", 3)
                .claim("hash", "not hex")
                .claim("createdAt", "2026-11-26T08:00:00Z")
                .claim("eventCount", 3)
                .build();
        var badTime = new JWTClaimsSet.Builder(badHash)
                .claim("hash", HexFormat.of().formatHex(new byte[32]))
                .claim("createdAt", "yesterday")
                .build();

        for (var claims : new JWTClaimsSet[] {badHash, badTime}) {
            var token = signedJwt(checkpointHeader(), claims);
            assertThrows(CheckpointRejectedException.class, () -> CheckpointSigner.verify(token, publicKey()));
        }
    }

    @Test
    void rejectsGarbage() {
        for (var garbage : new String[] {"", "not a token", "a.b.c", "eyJhbGciOiJFUzI1NiJ9..."}) {
            assertThrows(CheckpointRejectedException.class, () -> CheckpointSigner.verify(garbage, publicKey()));
        }
    }

    @Test
    void refusesAKeyOnAnotherCurve() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        var p384 = generator.generateKeyPair();

        assertThrows(
                IllegalArgumentException.class,
                () -> new CheckpointSigner("p384", (ECPrivateKey) p384.getPrivate(), (ECPublicKey) p384.getPublic()));
    }

    @Test
    void generatesP256KeyPairs() {
        var keys = CheckpointSigner.generateKeyPair();

        assertEquals(
                256,
                ((ECPublicKey) keys.getPublic())
                        .getParams()
                        .getCurve()
                        .getField()
                        .getFieldSize());
    }
}
