package io.lotabots.identity.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.platform.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ClientAuthenticationTest {

    private static final UUID KEY_ID = UUID.fromString("0b9e3f6c-1c77-4b8e-9a55-2d1f3c4b5a69");
    private static final String SECRET = "lbk_Q2xpZW50IHNlY3JldCBmb3IgdGVzdHMgb25seSE";
    private static final Map<String, List<String>> GRANT = Map.of("grant_type", List.of("client_credentials"));

    @Test
    void readsHttpBasicCredentials() {
        var client = ClientAuthentication.of(basic(KEY_ID + ":" + SECRET), GRANT);

        assertEquals(KEY_ID, client.clientId());
        assertEquals(SECRET, client.secret());
    }

    @Test
    void formDecodesBasicCredentialsAsRfc6749Requires() {
        var client = ClientAuthentication.of(basic(KEY_ID + ":a%2Bb%3Ac"), GRANT);

        assertEquals("a+b:c", client.secret());
    }

    @Test
    void readsCredentialsFromTheBody() {
        var client = ClientAuthentication.of(
                null,
                Map.of(
                        "grant_type", List.of("client_credentials"),
                        "client_id", List.of(KEY_ID.toString()),
                        "client_secret", List.of(SECRET)));

        assertEquals(KEY_ID, client.clientId());
        assertEquals(SECRET, client.secret());
    }

    @Test
    void theSecretAloneIsEnoughInTheBody() {
        var client = ClientAuthentication.of(
                null, Map.of("grant_type", List.of("client_credentials"), "client_secret", List.of(SECRET)));

        assertNull(client.clientId());
    }

    @Test
    void refusesARequestWithoutGrantType() {
        var e = assertThrows(Refusal.class, () -> ClientAuthentication.of(null, Map.of()));

        assertEquals("invalid-request", e.slug());
    }

    @Test
    void refusesOtherGrantTypes() {
        var e = assertThrows(
                Refusal.class,
                () -> ClientAuthentication.of(basic(KEY_ID + ":" + SECRET), Map.of("grant_type", List.of("password"))));

        assertEquals("unsupported-grant-type", e.slug());
    }

    @Test
    void refusesAParameterSentTwice() {
        var e = assertThrows(
                Refusal.class,
                () -> ClientAuthentication.of(
                        null,
                        Map.of(
                                "grant_type", List.of("client_credentials"),
                                "client_secret", List.of(SECRET, "lbk_other"))));

        assertEquals("invalid-request", e.slug());
    }

    @Test
    void refusesCredentialsInBothHeaderAndBody() {
        var e = assertThrows(
                Refusal.class,
                () -> ClientAuthentication.of(
                        basic(KEY_ID + ":" + SECRET),
                        Map.of("grant_type", List.of("client_credentials"), "client_secret", List.of(SECRET))));

        assertEquals("invalid-request", e.slug());
    }

    @Test
    void noCredentialsAtAllIsAnInvalidClient() {
        assertInvalidClient(() -> ClientAuthentication.of(null, GRANT));
        assertInvalidClient(() -> ClientAuthentication.of("Bearer abc", GRANT));
    }

    @Test
    void malformedBasicCredentialsAreAnInvalidClient() {
        assertInvalidClient(() -> ClientAuthentication.of("Basic !!!", GRANT));
        assertInvalidClient(() -> ClientAuthentication.of(basic("no-colon"), GRANT));
        assertInvalidClient(() -> ClientAuthentication.of(basic("not-a-uuid:" + SECRET), GRANT));
        assertInvalidClient(() -> ClientAuthentication.of(basic(KEY_ID + ":"), GRANT));
        assertInvalidClient(() -> ClientAuthentication.of(basic(KEY_ID + ":" + "x".repeat(201)), GRANT));
    }

    @Test
    void neverPrintsTheSecret() {
        assertFalse(ClientAuthentication.of(basic(KEY_ID + ":" + SECRET), GRANT)
                .toString()
                .contains(SECRET));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalidClient(Executable authentication) {
        assertEquals(
                "invalid-client", assertThrows(Refusal.class, authentication).slug());
    }
}
