package io.lotabots.attestation.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.text.ParseException;
import java.util.Map;
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
        String header = pretty(jws.getHeader().toString());
        String claims = pretty(jws.getPayload().toString());
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

    /** Indented JSON; text that is not JSON is shown as it is. */
    static String pretty(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonStructure value = reader.read();
            var out = new StringWriter();
            try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(out)) {
                writer.write(value);
            }
            return out.toString().strip();
        } catch (RuntimeException notJson) {
            return json;
        }
    }
}
