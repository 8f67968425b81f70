package io.lotabots.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void isAnLbkSecretStoredAsItsSha256() {
        var secret = ApiKeySecret.generate();

        assertTrue(secret.value().startsWith("lbk_"), secret.value());
        assertEquals(64, secret.hash().length());
        assertTrue(SecretTokens.matches(secret.value(), secret.hash()));
    }

    @Test
    void showsOnlyItsFirstTwelveCharacters() {
        var secret = ApiKeySecret.generate();

        assertEquals(12, secret.displayPrefix().length());
        assertTrue(secret.value().startsWith(secret.displayPrefix()));
    }

    @Test
    void neverPrintsTheWholeSecret() {
        var secret = ApiKeySecret.generate();

        assertFalse(secret.toString().contains(secret.value()), secret.toString());
    }

    @Test
    void everyKeyIsDifferent() {
        assertNotEquals(ApiKeySecret.generate().value(), ApiKeySecret.generate().value());
    }
}
