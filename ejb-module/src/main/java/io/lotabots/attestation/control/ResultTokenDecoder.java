package io.lotabots.attestation.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.text.ParseException;
import java.util.Optional;

/** Decodes a result token and checks its ES256 signature with the published key, as a relying party would. */
public final class ResultTokenDecoder {

    private ResultTokenDecoder() {}

    public static DecodedResultToken decode(String token, Optional<ECKey> published) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException | RuntimeException e) {
            return new DecodedResultToken("", "", DecodedResultToken.Signature.MALFORMED, "not a compact JWS");
        }
        String header = IndentedJson.of(jws.getHeader().toString());
        String claims = IndentedJson.of(jws.getPayload().toString());
        String kid = jws.getHeader().getKeyID();
        if (published.isEmpty() || kid == null || !kid.equals(published.get().getKeyID())) {
            return new DecodedResultToken(
                    header, claims, DecodedResultToken.Signature.UNKNOWN_KEY, "key " + kid + " is not published");
        }
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
            return new DecodedResultToken(
                    header,
                    claims,
                    DecodedResultToken.Signature.INVALID,
                    "algorithm " + jws.getHeader().getAlgorithm() + " is not ES256");
        }
        try {
            boolean valid = jws.verify(new ECDSAVerifier(published.get().toPublicJWK()));
            return valid
                    ? new DecodedResultToken(
                            header, claims, DecodedResultToken.Signature.VALID, "ES256 with published key " + kid)
                    : new DecodedResultToken(
                            header,
                            claims,
                            DecodedResultToken.Signature.INVALID,
                            "the signature does not match published key " + kid);
        } catch (JOSEException e) {
            return new DecodedResultToken(header, claims, DecodedResultToken.Signature.INVALID, e.getMessage());
        }
    }
}
