package io.lotabots.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;

/** Reads the claims of an access token (the tests trust the server's signature here). */
final class Tokens {

    private Tokens() {}

    static JWTClaimsSet claims(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT: " + e.getMessage());
        }
    }

    static List<String> groups(JWTClaimsSet claims) {
        try {
            return claims.getStringListClaim("groups").stream().sorted().toList();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
