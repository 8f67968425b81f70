package io.lotabots.identity.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RememberedTokensTest {

    private final JWKSet keys = new JWKSet(List.of());
    private final JWTClaimsSet claims =
            new JWTClaimsSet.Builder().subject("user-1").build();

    @Test
    void recallsATokenByItsExactSerialization() {
        var remembered = new RememberedTokens(10);
        remembered.remember("a.b.c", keys, claims);

        assertSame(claims, remembered.recall("a.b.c", keys));
        assertNull(remembered.recall("a.b.d", keys), "one character more is another token");
    }

    @Test
    void forgetsEverythingWhenThePublishedKeysChange() {
        var remembered = new RememberedTokens(10);
        remembered.remember("a.b.c", keys, claims);
        var rotated = new JWKSet(List.of());

        assertNull(remembered.recall("a.b.c", rotated), "verified against a key set no longer published");
        remembered.remember("x.y.z", rotated, claims);
        assertNull(remembered.recall("a.b.c", keys));
        assertEquals(1, remembered.size());
    }

    @Test
    void staysWithinItsCapacity() {
        var remembered = new RememberedTokens(3);
        for (int i = 0; i < 10; i++) {
            remembered.remember("token-" + i, keys, claims);
        }

        assertTrue(remembered.size() <= 3, "holds " + remembered.size());
        assertSame(claims, remembered.recall("token-9", keys), "the latest is kept");
    }
}
