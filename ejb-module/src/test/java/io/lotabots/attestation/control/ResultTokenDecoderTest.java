package io.lotabots.attestation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.lotabots.attestation.control.DecodedResultToken.Signature;
import jakarta.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultTokenDecoderTest {

    private static final ECKey KEY = key();
    private static final String TOKEN = ResultTokenSigner.sign(
            Json.createObjectBuilder()
                    .add("eat_profile", "tag:github.com,2023:veraison/ear")
                    .add("iat", 1_700_000_000)
                    .build(),
            KEY);

    private static ECKey key() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void verifiesATokenSignedWithThePublishedKeyAndIndentsItsParts() {
        var decoded = ResultTokenDecoder.decode(TOKEN, Optional.of(KEY.toPublicJWK()));

        assertEquals(Signature.VALID, decoded.signature());
        assertTrue(decoded.header().contains("\"alg\": \"ES256\""), decoded.header());
        assertTrue(decoded.claims().contains("\n"), "pretty-printed");
        assertTrue(decoded.claims().contains("\"eat_profile\": \"tag:github.com,2023:veraison/ear\""));
    }

    @Test
    void aTamperedPayloadDoesNotVerify() {
        String[] parts = TOKEN.split("\\.");
        String forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                "{\"eat_profile\":\"forged\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];

        var decoded = ResultTokenDecoder.decode(forged, Optional.of(KEY.toPublicJWK()));

        assertEquals(Signature.INVALID, decoded.signature());
        assertTrue(decoded.claims().contains("forged"));
    }

    @Test
    void aTokenOfAnotherKeyIsUnknownNotValid() {
        var decoded = ResultTokenDecoder.decode(TOKEN, Optional.of(key().toPublicJWK()));

        assertEquals(Signature.UNKNOWN_KEY, decoded.signature());
    }

    @Test
    void nothingPublishedYetMeansUnknownKey() {
        assertEquals(
                Signature.UNKNOWN_KEY,
                ResultTokenDecoder.decode(TOKEN, Optional.empty()).signature());
    }

    @Test
    void garbageIsMalformed() {
        assertEquals(
                Signature.MALFORMED,
                ResultTokenDecoder.decode("not-a-token", Optional.empty()).signature());
    }
}
