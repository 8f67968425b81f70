package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.DecodedResultToken;
import io.lotabots.attestation.control.ResultTokenDecoder;
import io.lotabots.attestation.keys.AttestationResultKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Result tokens decoded for people to read, their signature checked against the published JWKS key. */
@ApplicationScoped
public class ResultTokens {

    @Inject
    AttestationResultKeys keys;

    public DecodedResultToken decode(String token) {
        return ResultTokenDecoder.decode(token, keys.publicKey());
    }
}
