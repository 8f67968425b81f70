package io.lotabots.identity;

import static io.lotabots.identity.Calls.USERS;
import static io.lotabots.testsupport.ApiClient.etag;
import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Administrators create, list, read and re-role the users of their own tenant, and nobody else's. */
class UserManagementIT {

    private static final TestTenant TENANT = TestTenant.create("users-it");
    private static final TestTenant OTHER = TestTenant.create("users-it-other");

    private final ApiClient admin = TENANT.admin();

    @Test
    void createsAUserWhoLogsInWithTheirRoles() {
        String password = TestTenant.newPassword();
        var response = admin.postJson(USERS, newUser("dana-" + UUID.randomUUID(), password, "OPERATOR", "AUDITOR"));

        assertEquals(201, response.statusCode(), response.body());
        var user = json(response);
        assertEquals(
                ApiClient.uri(USERS + "/" + user.getString("id")).toString(),
                response.headers().firstValue("Location").orElseThrow());
        assertEquals("\"" + user.getJsonNumber("version").longValue() + "\"", etag(response));
        assertTrue(user.getBoolean("enabled"));
        assertFalse(response.body().contains(password), "the password is never echoed");
        assertFalse(response.body().contains("argon2"), "nor its hash");
        var claims = Tokens.claims(TENANT.accessToken(user.getString("username"), password));
        assertEquals(user.getString("id"), claims.getSubject());
        assertEquals(TENANT.id().toString(), claims.getClaim("tenant"));
        assertEquals(List.of("AUDITOR", "OPERATOR"), Tokens.groups(claims));
    }

    @Test
    void readsAUserWithItsETag() {
        var created = TENANT.createUser("erin-" + UUID.randomUUID(), TestTenant.newPassword(), "DEVELOPER");

        var response = admin.get(USERS + "/" + created.getString("id"));

        assertEquals(200, response.statusCode());
        assertEquals(created.getString("username"), json(response).getString("username"));
        assertEquals(List.of("DEVELOPER"), roles(json(response)));
        assertEquals("\"" + created.getJsonNumber("version").longValue() + "\"", etag(response));
    }

    @Test
    void listsUsersPageByPageInNameOrder() {
        var lister = TestTenant.create("users-it-list");
        for (String name : List.of("carol", "alice", "bob")) {
            lister.createUser(name, TestTenant.newPassword(), "AUDITOR");
        }
        var client = lister.admin();

        var names = new ArrayList<String>();
        String next = USERS + "?limit=2";
        int pages = 0;
        while (next != null) {
            var response = client.get(next);
            assertEquals(200, response.statusCode(), response.body());
            var page = json(response);
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(u -> names.add(u.getString("username")));
            next = page.isNull("next") ? null : page.getString("next");
            pages++;
        }

        assertEquals(List.of("admin", "alice", "bob", "carol"), names);
        assertEquals(2, pages);
    }

    @Test
    void replacesRolesWhenIfMatchNamesTheCurrentVersion() {
        var user = TENANT.createUser("finn-" + UUID.randomUUID(), TestTenant.newPassword(), "DEVELOPER");
        String path = USERS + "/" + user.getString("id") + "/roles";
        String tag = etag(admin.get(USERS + "/" + user.getString("id")));

        var response = admin.putJson(path, Calls.roles("AUDITOR", "COMPLIANCE_OFFICER"), tag);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of("AUDITOR", "COMPLIANCE_OFFICER"), roles(json(response)));
        assertNotEquals(tag, etag(response), "a new version");
    }

    @Test
    void refusesAWeakPasswordNamingEveryBrokenRuleButNeverThePassword() {
        String username = "gina-" + UUID.randomUUID();

        var response = admin.postJson(USERS, newUser(username, "trustno1", "DEVELOPER"));

        var problem = problem(response, 400, "weak-password");
        var messages = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .peek(e -> assertEquals("password", e.getString("field")))
                .map(e -> e.getString("message"))
                .toList();
        assertEquals(2, messages.size(), "too short and common: " + messages);
        assertTrue(messages.contains("is shorter than the minimum length of 12 characters"), messages.toString());
        assertTrue(messages.contains("is one of the most commonly used passwords"), messages.toString());
        assertFalse(response.body().contains("trustno1"), response.body());
        assertEquals(404, findByName(username), "nothing written");
    }

    @Test
    void refusesAPasswordEqualToTheUsername() {
        var problem = problem(
                admin.postJson(USERS, newUser("henrietta-long-name", "Henrietta-Long-Name", "DEVELOPER")),
                400,
                "weak-password");

        assertEquals(1, problem.getJsonArray("errors").size());
    }

    @Test
    void refusesADuplicateUsernameWhateverItsCase() {
        String username = "ivan-" + UUID.randomUUID();
        TENANT.createUser(username, TestTenant.newPassword(), "DEVELOPER");

        var response = admin.postJson(USERS, newUser(username.toUpperCase(), TestTenant.newPassword(), "AUDITOR"));

        problem(response, 409, "username-taken");
    }

    @Test
    void theSameUsernameMayExistInAnotherTenant() {
        String username = "jo-" + UUID.randomUUID();
        TENANT.createUser(username, TestTenant.newPassword(), "DEVELOPER");

        OTHER.createUser(username, TestTenant.newPassword(), "DEVELOPER");
    }

    @Test
    void refusesAnUnknownRoleAnInvalidUsernameAndNoRoles() {
        assertEquals(
                400,
                admin.postJson(USERS, newUser("kim", TestTenant.newPassword(), "ROOT"))
                        .statusCode());
        var invalid = problem(
                admin.postJson(USERS, newUser("kim with spaces", TestTenant.newPassword(), "DEVELOPER")),
                400,
                "validation");
        assertEquals("username", invalid.getJsonArray("errors").getJsonObject(0).getString("field"));
        problem(admin.postJson(USERS, newUser("kim", TestTenant.newPassword())), 400, "validation");
    }

    @Test
    void aUserWithoutRolesIsRefusedNamingTheRolesFieldAndNothingIsWritten() {
        String username = "norole-" + UUID.randomUUID();

        var problem = problem(admin.postJson(USERS, newUser(username, TestTenant.newPassword())), 400, "validation");

        var error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals("roles", error.getString("field"));
        assertEquals("must name at least one role", error.getString("message"));
        assertEquals(404, findByName(username), "nothing written");
    }

    @Test
    void everyInvalidFieldIsNamedAtOnceTheWeakPasswordsRulesToo() {
        var problem = problem(admin.postJson(USERS, newUser("bad name", "trustno1")), 400, "validation");

        var fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .sorted()
                .toList();
        assertEquals(List.of("password", "password", "roles", "username"), fields);
    }

    @Test
    void rolesCannotBeReplacedByNone() {
        var user = TENANT.createUser("nora-" + UUID.randomUUID(), TestTenant.newPassword(), "DEVELOPER");
        String path = USERS + "/" + user.getString("id");

        var problem = problem(admin.putJson(path + "/roles", Calls.roles(), null), 400, "validation");

        assertEquals("roles", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(List.of("DEVELOPER"), roles(json(admin.get(path))), "unchanged");
    }

    @Test
    void refusesAWriteWhoseIfMatchNamesAnOlderVersion() {
        var user = TENANT.createUser("lee-" + UUID.randomUUID(), TestTenant.newPassword(), "DEVELOPER");
        String path = USERS + "/" + user.getString("id");
        String stale = etag(admin.get(path));
        assertEquals(
                200,
                admin.putJson(path + "/roles", Calls.roles("AUDITOR"), stale).statusCode());

        var response = admin.putJson(path + "/roles", Calls.roles("OPERATOR"), stale);

        problem(response, 412, "precondition-failed");
        assertNotEquals(stale, etag(response), "the answer names the current version");
        assertEquals(List.of("AUDITOR"), roles(json(admin.get(path))), "nothing changed");
        assertEquals(412, admin.postEmpty(path + "/disable", stale).statusCode());
        assertEquals(
                412,
                admin.postEmpty(path + "/disable", "W/" + etag(admin.get(path))).statusCode());
    }

    @Test
    void anotherTenantsUserIsNotFoundForEveryOperation() {
        var stranger = OTHER.createUser("mo-" + UUID.randomUUID(), TestTenant.newPassword(), "DEVELOPER");
        String path = USERS + "/" + stranger.getString("id");

        problem(admin.get(path), 404, "not-found");
        problem(admin.putJson(path + "/roles", Calls.roles("ADMIN"), null), 404, "not-found");
        problem(admin.postEmpty(path + "/disable", null), 404, "not-found");
        problem(admin.postEmpty(path + "/enable", null), 404, "not-found");
        problem(
                admin.putJson(path + "/password", Calls.password(TestTenant.newPassword(), null), null),
                404,
                "not-found");
        assertEquals(List.of("DEVELOPER"), roles(json(OTHER.admin().get(path))), "untouched");
    }

    @Test
    void anIdThatIsNotAUuidIsNotFound() {
        problem(admin.get(USERS + "/not-a-uuid"), 404, "not-found");
    }

    @Test
    void aCursorTheListDidNotIssueIsABadRequest() {
        problem(admin.get(USERS + "?cursor=%21%21"), 400, "malformed-cursor");
        problem(admin.get(USERS + "?limit=0"), 400, "validation");
        problem(admin.get(USERS + "?limit=201"), 400, "validation");
    }

    @Test
    void aNonAdministratorMayNotManageUsers() {
        String password = TestTenant.newPassword();
        var user = TENANT.createUser("nia-" + UUID.randomUUID(), password, "COMPLIANCE_OFFICER", "AUDITOR");
        var client = ApiClient.withToken(TENANT.accessToken(user.getString("username"), password));

        assertEquals(403, client.get(USERS).statusCode());
        assertEquals(
                403,
                client.postJson(USERS, newUser("x-" + UUID.randomUUID(), password, "ADMIN"))
                        .statusCode());
        assertEquals(
                403,
                client.putJson(USERS + "/" + user.getString("id") + "/roles", Calls.roles("ADMIN"), null)
                        .statusCode(),
                "not even to make themselves ADMIN");
    }

    static String newUser(String username, String password, String... roles) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("roles", Json.createArrayBuilder(List.of(roles)))
                .build()
                .toString();
    }

    static List<String> roles(JsonObject user) {
        return user.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .sorted()
                .toList();
    }

    static JsonObject problem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map().toString());
        var problem = json(response);
        assertEquals("https://lotabots.io/problems/" + type, problem.getString("type"), response.body());
        return problem;
    }

    private int findByName(String username) {
        var page = json(admin.get(USERS + "?limit=200"));
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .anyMatch(u -> u.getString("username").equals(username))
                ? 200
                : 404;
    }
}
