package io.lotabots.attestation.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.ECKey;
import io.lotabots.platform.crypto.JwsRejectedException;
import io.lotabots.platform.crypto.JwsSigners;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/** Decodes a result token and checks its ES256 signature with the published key, as a relying party would. */
public final class ResultTokenDecoder {

    private static final Set<JWSAlgorithm> ES256_ONLY = Set.of(JWSAlgorithm.ES256);

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
        try {
            JwsSigners.verify(jws, published.get().toPublicJWK(), ES256_ONLY);
            return new DecodedResultToken(
                    header, claims, DecodedResultToken.Signature.VALID, "ES256 with published key " + kid);
        } catch (JwsRejectedException e) {
            String why =
                    switch (e.reason()) {
                        case ALGORITHM -> "algorithm " + jws.getHeader().getAlgorithm() + " is not ES256";
                        case SIGNATURE -> "the signature does not match published key " + kid;
                        case UNKNOWN_KEY, UNUSABLE_KEY -> e.getMessage();
                    };
            return new DecodedResultToken(header, claims, DecodedResultToken.Signature.INVALID, why);
        }
    }
}
