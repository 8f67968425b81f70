package io.lotabots.identity;

import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User, role, password and API-key changes leave audit events, without secrets. */
class IdentityChangeAuditIT {

    private static final String USERS = "/api/v1/identity/users";
    private final TestTenant tenant = TestTenant.create("change-audit");
    private final ApiClient admin = tenant.admin();

    @Test
    void userLifecycleIsAuditedAndAttributedToTheAdministrator() {
        String password = TestTenant.newPassword();
        var user = tenant.createUser("audited-" + System.nanoTime(), password, "DEVELOPER");
        String id = user.getString("id");
        admin.putJson(USERS + "/" + id + "/roles", Calls.roles("AUDITOR"), null);
        admin.postEmpty(USERS + "/" + id + "/disable", null);

        var events = eventsOn("user", id);

        assertEquals(
                List.of("identity.user.created", "identity.user.disabled", "identity.user.roles-changed"),
                events.stream()
                        .map(e -> e.getString("action"))
                        .filter(a -> a.startsWith("identity.user."))
                        .sorted()
                        .toList());
        var roleChange = events.stream()
                .filter(e -> e.getString("action").equals("identity.user.roles-changed"))
                .findFirst()
                .orElseThrow();
        assertEquals(tenant.adminId().toString(), roleChange.getString("actor"));
        assertEquals(
                "[\"DEVELOPER\"]",
                roleChange.getJsonObject("details").getJsonArray("rolesBefore").toString());
        assertEquals(
                "[\"AUDITOR\"]",
                roleChange.getJsonObject("details").getJsonArray("rolesAfter").toString());
        assertFalse(events.toString().contains(password), "no password in the trail");
    }

    @Test
    void apiKeyIssueAndRevocationAreAuditedWithoutTheSecret() {
        var created = json(admin.postJson(
                "/api/v1/identity/api-keys",
                Json.createObjectBuilder()
                        .add("name", "audited-bot")
                        .add("roles", Json.createArrayBuilder().add("DEVELOPER"))
                        .build()
                        .toString()));
        String keyId = created.getJsonObject("key").getString("id");
        String secret = created.getString("secret");
        assertEquals(
                204,
                admin.send(java.net.http.HttpRequest.newBuilder(ApiClient.uri("/api/v1/identity/api-keys/" + keyId))
                                .DELETE())
                        .statusCode());

        var events = eventsOn("api-key", keyId);

        var actions = events.stream().map(e -> e.getString("action")).toList();
        assertTrue(
                actions.containsAll(List.of("identity.api-key.issued", "identity.api-key.revoked")),
                actions.toString());
        assertFalse(events.toString().contains(secret), "the key's secret is never recorded");
    }

    private List<JsonObject> eventsOn(String targetType, String targetId) {
        var response =
                admin.get("/api/v1/audit/events?targetType=" + targetType + "&targetId=" + targetId + "&limit=50");
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("items").getValuesAs(JsonObject.class);
    }
}
