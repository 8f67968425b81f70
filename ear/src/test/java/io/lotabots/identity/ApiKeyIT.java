package io.lotabots.identity;

import static io.lotabots.identity.Calls.API_KEYS;
import static io.lotabots.identity.UserManagementIT.problem;
import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API keys: the secret is shown once, buys client-credentials tokens, and revocation ends them everywhere. */
class ApiKeyIT {

    private static final TestTenant TENANT = TestTenant.create("api-key-it");
    /** Retiring a device is an OPERATOR or ADMIN call (not AUDITOR); an unknown id answers 404. */
    private static final String OPERATOR_ONLY = "/api/v1/devices/" + UUID.randomUUID();

    private final ApiClient admin = TENANT.admin();

    @Test
    void theSecretIsInTheCreationAnswerAndNowhereElse() {
        var response = admin.postJson(API_KEYS, newKey("release-pipeline", null, "DEVELOPER"));

        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        var issued = json(response);
        String secret = issued.getString("secret");
        var key = issued.getJsonObject("key");
        assertTrue(secret.startsWith("lbk_"), secret);
        assertEquals(secret.substring(0, 12), key.getString("prefix"));
        assertTrue(
                Instant.parse(key.getString("expiresAt")).isAfter(Instant.now().plusSeconds(80 * 86400)),
                "90 days by default");
        String location = response.headers().firstValue("Location").orElseThrow();
        for (var later : List.of(admin.get(location), admin.get(API_KEYS + "?limit=200"))) {
            assertEquals(200, later.statusCode(), later.body());
            assertFalse(later.body().contains(secret), "the secret is never shown again");
            assertFalse(later.body().contains(secret.substring(12)), "not even in part");
            assertFalse(later.body().contains("keyHash") || later.body().contains("key_hash"));
        }
        assertTrue(admin.get(API_KEYS + "?limit=200").body().contains(key.getString("id")));
    }

    @Test
    void listsKeysPageByPageInTheOrderTheyWereCreated() {
        var tenant = TestTenant.create("api-key-it-list");
        var client = tenant.admin();
        for (String name : List.of("first", "second", "third")) {
            assertEquals(
                    201,
                    client.postJson(API_KEYS, newKey(name, null, "DEVELOPER")).statusCode());
        }

        var names = new java.util.ArrayList<String>();
        String next = API_KEYS + "?limit=2";
        while (next != null) {
            var page = json(client.get(next));
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(k -> names.add(k.getString("name")));
            next = page.isNull("next") ? null : page.getString("next");
        }

        assertEquals(List.of("first", "second", "third"), names);
    }

    @Test
    void theKeyBuysAnAccessTokenOfItsRolesWithHttpBasic() {
        var issued = issue("monitor", "OPERATOR", "AUDITOR");

        var response = Calls.tokenWithBasic(keyId(issued), issued.getString("secret"));

        assertEquals(200, response.statusCode(), response.body());
        var tokens = json(response);
        assertEquals("Bearer", tokens.getString("token_type"));
        assertFalse(tokens.containsKey("refresh_token"), "client credentials get no refresh token");
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        var claims = Tokens.claims(tokens.getString("access_token"));
        assertEquals(keyId(issued), claims.getSubject());
        assertEquals(TENANT.id().toString(), claims.getClaim("tenant"));
        assertEquals(List.of("AUDITOR", "OPERATOR"), Tokens.groups(claims));
        var bot = ApiClient.withToken(tokens.getString("access_token"));
        assertEquals(404, bot.delete(OPERATOR_ONLY).statusCode(), "an OPERATOR endpoint lets it in");
        assertEquals(403, bot.get(API_KEYS).statusCode(), "an ADMIN endpoint does not");
        var key = json(admin.get(API_KEYS + "/" + keyId(issued)));
        assertTrue(key.containsKey("lastUsedAt"), key.toString());
    }

    @Test
    void theKeyBuysAnAccessTokenWithClientIdAndSecretInTheBody() {
        var issued = issue("body-client", "DEVELOPER");

        var response = Calls.tokenWithForm("grant_type=client_credentials&client_id=" + keyId(issued)
                + "&client_secret=" + issued.getString("secret"));

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void anUnknownSecretIsAnInvalidClient() {
        var response = Calls.tokenWithBasic(UUID.randomUUID().toString(), "lbk_" + UUID.randomUUID());

        problem(response, 401, "invalid-client");
        problem(Calls.tokenWithForm("grant_type=client_credentials&client_secret=lbk_nothing"), 401, "invalid-client");
    }

    @Test
    void aSecretPresentedWithAnotherKeysIdIsAnInvalidClient() {
        var issued = issue("mismatch", "DEVELOPER");
        var other = issue("mismatch-other", "DEVELOPER");

        problem(Calls.tokenWithBasic(keyId(other), issued.getString("secret")), 401, "invalid-client");
    }

    @Test
    void aRevokedKeyIsRefusedAndItsLiveTokensStopWorking() throws SQLException {
        var issued = issue("to-revoke", "OPERATOR");
        var token = json(Calls.tokenWithBasic(keyId(issued), issued.getString("secret")))
                .getString("access_token");
        var bot = ApiClient.withToken(token);
        assertEquals(404, bot.delete(OPERATOR_ONLY).statusCode());

        assertEquals(204, admin.delete(API_KEYS + "/" + keyId(issued)).statusCode());

        assertEquals(401, bot.delete(OPERATOR_ONLY).statusCode(), "its token is refused at once");
        problem(Calls.tokenWithBasic(keyId(issued), issued.getString("secret")), 401, "invalid-client");
        assertEquals(0, UserAccessIT.liveSessions("api_key_id", keyId(issued)));
        assertTrue(json(admin.get(API_KEYS + "/" + keyId(issued))).containsKey("revokedAt"));
        assertEquals(204, admin.delete(API_KEYS + "/" + keyId(issued)).statusCode(), "revoking twice is harmless");
    }

    @Test
    void anExpiredKeyIsRefused() throws SQLException {
        var issued = issue("expiring", "DEVELOPER");
        try (var db = new DevServicesReport().database();
                var expire = db.prepareStatement(
                        "update lotabots.api_key set expires_at = now() - interval '1 minute' where id = ?")) {
            expire.setObject(1, UUID.fromString(keyId(issued)));
            assertEquals(1, expire.executeUpdate());
        }

        problem(Calls.tokenWithBasic(keyId(issued), issued.getString("secret")), 401, "invalid-client");
    }

    @Test
    void anExpiryInThePastIsABadRequest() {
        var response = admin.postJson(API_KEYS, newKey("past", "2020-01-01T00:00:00Z", "DEVELOPER"));

        problem(response, 400, "validation");
    }

    @Test
    void anExplicitExpiryIsKept() {
        var response = admin.postJson(API_KEYS, newKey("explicit", "2031-02-03T04:05:06Z", "DEVELOPER"));

        assertEquals("2031-02-03T04:05:06Z", json(response).getJsonObject("key").getString("expiresAt"));
    }

    @Test
    void aKeyNeedsANameAndRoles() {
        problem(admin.postJson(API_KEYS, newKey("", null, "DEVELOPER")), 400, "validation");
        problem(admin.postJson(API_KEYS, newKey("no-roles", null)), 400, "validation");
    }

    @Test
    void otherGrantTypesAndRequestsWithoutOneAreBadRequests() {
        problem(Calls.tokenWithForm("grant_type=password&username=a&password=b"), 400, "unsupported-grant-type");
        problem(Calls.tokenWithForm("client_secret=lbk_x"), 400, "invalid-request");
    }

    @Test
    void anotherTenantsKeyIsNotFound() {
        var other = TestTenant.create("api-key-it-other");
        var theirs = json(other.admin().postJson(API_KEYS, newKey("theirs", null, "DEVELOPER")));
        String path = API_KEYS + "/" + theirs.getJsonObject("key").getString("id");

        problem(admin.get(path), 404, "not-found");
        problem(admin.delete(path), 404, "not-found");
        assertFalse(json(other.admin().get(path)).containsKey("revokedAt"), "still usable");
        assertFalse(admin.get(API_KEYS + "?limit=200")
                .body()
                .contains(theirs.getJsonObject("key").getString("id")));
    }

    private JsonObject issue(String name, String... roles) {
        var response = admin.postJson(API_KEYS, newKey(name, null, roles));
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    private static String keyId(JsonObject issued) {
        return issued.getJsonObject("key").getString("id");
    }

    static String newKey(String name, String expiresAt, String... roles) {
        var body = Json.createObjectBuilder().add("name", name).add("roles", Json.createArrayBuilder(List.of(roles)));
        if (expiresAt != null) {
            body.add("expiresAt", expiresAt);
        }
        return body.build().toString();
    }
}
