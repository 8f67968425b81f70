package io.lotabots.platform.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HeaderSyntaxTest {

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mediaTypes() {
        assertTrue(HeaderSyntax.isMediaType("application/json"));
        assertTrue(HeaderSyntax.isMediaType("application/json; charset=UTF-8"));
        assertTrue(HeaderSyntax.isMediaType("multipart/form-data; boundary=\"a b\""));
        assertTrue(HeaderSyntax.isMediaType("application/problem+json;q=0.5"));
        assertFalse(HeaderSyntax.isMediaType("garbage"));
        assertFalse(HeaderSyntax.isMediaType("application/"));
        assertFalse(HeaderSyntax.isMediaType("text/plain; charset"));
        assertFalse(HeaderSyntax.isMediaType("a/b c"));
    }

    @Test
    void basicCredentials() {
        assertTrue(HeaderSyntax.isWellFormedBasic(basic("id:secret")));
        assertTrue(
                HeaderSyntax.isWellFormedBasic(basic("%zz:secret")), "form encoding is the token endpoint's to judge");
        assertTrue(HeaderSyntax.isWellFormedBasic("Bearer abc"));
        assertTrue(HeaderSyntax.isWellFormedBasic("Basicish abc"), "another scheme");
        assertFalse(HeaderSyntax.isWellFormedBasic("Basic !!!"));
        assertFalse(HeaderSyntax.isWellFormedBasic("Basic "));
        assertFalse(HeaderSyntax.isWellFormedBasic("Basic"));
        assertFalse(HeaderSyntax.isWellFormedBasic("basic bm9jb2xvbg=="), "no colon");
        assertFalse(HeaderSyntax.isWellFormedBasic("Basic /w=="), "not UTF-8");
    }
}
