package io.lotabots.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTokensTest {

    @Test
    void aSecretIsThePrefixAndThirtyTwoRandomBytesInUnpaddedBase64url() {
        var secret = SecretTokens.newSecret("lbr");

        assertTrue(secret.matches("lbr_[A-Za-z0-9_-]{43}"), secret);
        assertEquals(32, Base64.getUrlDecoder().decode(secret.substring(4)).length);
    }

    @Test
    void everySecretIsNew() {
        assertNotEquals(SecretTokens.newSecret("lbk"), SecretTokens.newSecret("lbk"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "LBR", "lb r", "lbr_", "1bk", "averyveryverylongprefix"})
    void refusesPrefixesThatWouldMakeTheSecretAmbiguousOrUnsafeInAHeader(String prefix) {
        assertThrows(IllegalArgumentException.class, () -> SecretTokens.newSecret(prefix));
    }

    @Test
    void storesTheStandardLowerCaseSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretTokens.sha256Hex("abc"));
    }

    @Test
    void matchesTheSecretItsStoredHashCameFrom() {
        var secret = SecretTokens.newSecret("lbk");

        assertTrue(SecretTokens.matches(secret, SecretTokens.sha256Hex(secret)));
    }

    @Test
    void doesNotMatchAnotherSecret() {
        var stored = SecretTokens.sha256Hex(SecretTokens.newSecret("lbk"));

        assertFalse(SecretTokens.matches(SecretTokens.newSecret("lbk"), stored));
    }

    @Test
    void doesNotMatchATruncatedEmptyOrUpperCaseStoredHash() {
        var secret = SecretTokens.newSecret("lbr");
        var stored = SecretTokens.sha256Hex(secret);

        assertFalse(SecretTokens.matches(secret, stored.substring(0, 63)));
        assertFalse(SecretTokens.matches(secret, ""));
        assertFalse(SecretTokens.matches(secret, stored.toUpperCase()));
    }
}
