package io.lotabots.identity.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicBaseUrlTest {

    @Test
    void theConfiguredPublicUrlWinsOverTheIssuer() {
        var base = PublicBaseUrl.of(Optional.of("https://api.example.com/lotabots/"), "https://lotabots.local");

        assertEquals("https://api.example.com/lotabots/.well-known/jwks.json", base.resolve("/.well-known/jwks.json"));
    }

    @Test
    void withoutAPublicUrlTheIssuerIsTheBase() {
        assertEquals(
                "https://lotabots.local/api/v1/auth/token",
                PublicBaseUrl.of(Optional.empty(), "https://lotabots.local").resolve("/api/v1/auth/token"));
        assertEquals(
                "https://lotabots.local",
                PublicBaseUrl.of(Optional.of("  "), "https://lotabots.local").value());
    }

    @Test
    void refusesAPublicUrlThatIsNoAbsoluteHttpUrl() {
        for (String bad :
                new String[] {"api.example.com", "/relative", "ftp://example.com", "https://", "http://x y"}) {
            assertThrows(IllegalArgumentException.class, () -> PublicBaseUrl.of(Optional.of(bad), "https://ok"), bad);
        }
    }

    @Test
    void refusesQueryFragmentAndUserInfo() {
        for (String bad : new String[] {"https://a.example?x=1", "https://a.example#f", "https://u:p@a.example"}) {
            assertThrows(IllegalArgumentException.class, () -> new PublicBaseUrl(bad), bad);
        }
    }

    @Test
    void anIssuerThatIsNoUrlNeedsAPublicUrl() {
        var refused = assertThrows(
                IllegalArgumentException.class, () -> PublicBaseUrl.of(Optional.empty(), "lotabots-issuer"));

        assertTrue(refused.getMessage().contains("lotabots.http.public-url"), refused.getMessage());
        assertEquals(
                "https://api.example.com",
                PublicBaseUrl.of(Optional.of("https://api.example.com"), "lotabots-issuer")
                        .value());
    }
}
