package io.lotabots.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import io.lotabots.platform.crypto.JwsRejectedException.Reason;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwsSignersTest {

    @Test
    void anEcSignatureVerifiesWithTheJdksVerifier() throws Exception {
        var key =
                new ECKeyGenerator(Curve.P_256).keyID("ec-" + System.nanoTime()).generate();

        var jws = sign(JWSAlgorithm.ES256, key);

        assertTrue(jws.verify(new ECDSAVerifier(key.toECPublicKey())));
    }

    @Test
    void anRsaSignatureVerifies() throws Exception {
        var key = new RSAKeyGenerator(2048).keyID("rsa-" + System.nanoTime()).generate();

        var jws = sign(JWSAlgorithm.RS256, key);

        assertTrue(jws.verify(new RSASSAVerifier(key.toRSAPublicKey())));
    }

    @Test
    void oneKeyKeepsItsSigner() throws Exception {
        var key = new ECKeyGenerator(Curve.P_256)
                .keyID("kept-" + System.nanoTime())
                .generate();

        assertSame(JwsSigners.of(key), JwsSigners.of(key));
        assertSame(JwsSigners.of(key), JwsSigners.of(JWK.parse(key.toJSONString())), "an equal copy of the key");
    }

    @Test
    void anotherKeyUnderTheSameIdGetsASignerOfItsOwn() throws Exception {
        String id = "reused-" + System.nanoTime();
        var first = new ECKeyGenerator(Curve.P_256).keyID(id).generate();
        var second = new ECKeyGenerator(Curve.P_256).keyID(id).generate();
        var firstSigner = JwsSigners.of(first);

        var bySecond = sign(JWSAlgorithm.ES256, second);

        assertNotSame(firstSigner, JwsSigners.of(second));
        assertTrue(bySecond.verify(new ECDSAVerifier(second.toECPublicKey())));
        assertFalse(bySecond.verify(new ECDSAVerifier(first.toECPublicKey())));
    }

    @Test
    void aPublicKeyAloneCannotSign() throws Exception {
        ECKey publicOnly = new ECKeyGenerator(Curve.P_256)
                .keyID("public-" + System.nanoTime())
                .generate()
                .toPublicJWK();

        assertThrows(IllegalStateException.class, () -> JwsSigners.of(publicOnly));
    }

    @Test
    void aSymmetricKeyIsRefused() throws Exception {
        var secret = new OctetSequenceKeyGenerator(256)
                .keyID("hmac-" + System.nanoTime())
                .generate();

        assertThrows(IllegalArgumentException.class, () -> JwsSigners.of(secret));
    }

    @Test
    void verifiesWhatItSignedWithThePublicOrThePrivateKey() throws Exception {
        var ec = new ECKeyGenerator(Curve.P_256)
                .keyID("v-ec-" + System.nanoTime())
                .generate();
        var rsa = new RSAKeyGenerator(2048).keyID("v-rsa-" + System.nanoTime()).generate();

        var byEc = sign(JWSAlgorithm.ES256, ec);
        var byRsa = sign(JWSAlgorithm.PS256, rsa);

        assertDoesNotThrow(() -> JwsSigners.verify(byEc, ec.toPublicJWK(), Set.of(JWSAlgorithm.ES256)));
        assertDoesNotThrow(() -> JwsSigners.verify(byEc, ec, Set.of(JWSAlgorithm.ES256)));
        assertDoesNotThrow(() -> JwsSigners.verify(byEc, ec.toECPublicKey(), Set.of(JWSAlgorithm.ES256)));
        assertDoesNotThrow(() -> JwsSigners.verify(byRsa, rsa.toPublicJWK(), Set.of(JWSAlgorithm.PS256)));
    }

    @Test
    void refusesAnAlgorithmTheCallerDoesNotAcceptBeforeLookingAtTheKey() throws Exception {
        var rsa = new RSAKeyGenerator(2048).keyID("alg-" + System.nanoTime()).generate();
        var byRsa = sign(JWSAlgorithm.PS256, rsa);

        assertEquals(Reason.ALGORITHM, rejection(byRsa, rsa.toPublicJWK(), Set.of(JWSAlgorithm.RS256)));
        assertEquals(Reason.ALGORITHM, rejection(byRsa, null, Set.of(JWSAlgorithm.RS256)));
    }

    @Test
    void refusesAnHmacTokenKeyedWithThePublicKey() throws Exception {
        var rsa = new RSAKeyGenerator(2048).keyID("hs-" + System.nanoTime()).generate();
        var forged = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(rsa.getKeyID()).build(), new Payload("{}"));
        forged.sign(new MACSigner(rsa.toRSAPublicKey().getEncoded()));

        assertEquals(
                Reason.ALGORITHM,
                rejection(JWSObject.parse(forged.serialize()), rsa.toPublicJWK(), Set.of(JWSAlgorithm.RS256)));
    }

    @Test
    void refusesAnUnsignedToken() throws Exception {
        var ec = new ECKeyGenerator(Curve.P_256)
                .keyID("none-" + System.nanoTime())
                .generate();
        var signed = sign(JWSAlgorithm.ES256, ec);
        var parts = signed.getParsedParts();
        var withoutSignature = JWSObject.parse(parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[64]));

        assertEquals(Reason.SIGNATURE, rejection(withoutSignature, ec.toPublicJWK(), Set.of(JWSAlgorithm.ES256)));
    }

    @Test
    void noKeyIsAnUnknownKey() throws Exception {
        var ec = new ECKeyGenerator(Curve.P_256)
                .keyID("nokey-" + System.nanoTime())
                .generate();

        assertEquals(
                Reason.UNKNOWN_KEY, rejection(sign(JWSAlgorithm.ES256, ec), (JWK) null, Set.of(JWSAlgorithm.ES256)));
    }

    @Test
    void aKeyOfAnotherFamilyThanTheAlgorithmIsUnusable() throws Exception {
        var ec = new ECKeyGenerator(Curve.P_256)
                .keyID("fam-ec-" + System.nanoTime())
                .generate();
        var rsa =
                new RSAKeyGenerator(2048).keyID("fam-rsa-" + System.nanoTime()).generate();
        var accepted = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

        assertEquals(Reason.UNUSABLE_KEY, rejection(sign(JWSAlgorithm.RS256, rsa), ec.toPublicJWK(), accepted));
        assertEquals(Reason.UNUSABLE_KEY, rejection(sign(JWSAlgorithm.ES256, ec), rsa.toPublicJWK(), accepted));
    }

    @Test
    void aSymmetricKeyCannotVerify() throws Exception {
        var ec = new ECKeyGenerator(Curve.P_256)
                .keyID("sym-" + System.nanoTime())
                .generate();
        var secret = new OctetSequenceKeyGenerator(256).keyID("sym-secret").generate();

        assertEquals(Reason.UNUSABLE_KEY, rejection(sign(JWSAlgorithm.ES256, ec), secret, Set.of(JWSAlgorithm.ES256)));
    }

    @Test
    void anotherKeysSignatureDoesNotVerify() throws Exception {
        var signer = new ECKeyGenerator(Curve.P_256)
                .keyID("sig-" + System.nanoTime())
                .generate();
        var other = new ECKeyGenerator(Curve.P_256)
                .keyID("other-" + System.nanoTime())
                .generate();

        assertEquals(
                Reason.SIGNATURE,
                rejection(sign(JWSAlgorithm.ES256, signer), other.toPublicJWK(), Set.of(JWSAlgorithm.ES256)));
    }

    @Test
    void aChangedPayloadDoesNotVerify() throws Exception {
        var rsa =
                new RSAKeyGenerator(2048).keyID("payload-" + System.nanoTime()).generate();
        var parts = sign(JWSAlgorithm.RS256, rsa).getParsedParts();
        var forged = JWSObject.parse(parts[0] + "." + Base64URL.encode("{\"a\":2}") + "." + parts[2]);

        assertEquals(Reason.SIGNATURE, rejection(forged, rsa.toPublicJWK(), Set.of(JWSAlgorithm.RS256)));
    }

    private static Reason rejection(JWSObject jws, JWK key, Set<JWSAlgorithm> accepted) {
        return assertThrows(JwsRejectedException.class, () -> JwsSigners.verify(jws, key, accepted))
                .reason();
    }

    private static JWSObject sign(JWSAlgorithm algorithm, JWK key) throws Exception {
        var jws = new JWSObject(
                new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), new Payload("{\"a\":1}"));
        jws.sign(JwsSigners.of(key));
        return JWSObject.parse(jws.serialize());
    }
}
