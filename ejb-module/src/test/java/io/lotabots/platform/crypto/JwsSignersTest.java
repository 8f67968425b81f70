package io.lotabots.platform.crypto;

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
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
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

    private static JWSObject sign(JWSAlgorithm algorithm, JWK key) throws Exception {
        var jws = new JWSObject(
                new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), new Payload("{\"a\":1}"));
        jws.sign(JwsSigners.of(key));
        return JWSObject.parse(jws.serialize());
    }
}
