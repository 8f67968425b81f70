package io.lotabots.identity;

import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The platform operator creates tenants with a first administrator (one-time password, replaced at
 * the first login), lists, suspends and resumes them, and is refused everywhere else; tenant
 * administrators are refused the platform's endpoints. Every change lands on the platform chain.
 */
class PlatformTenantsIT {

    private static final String TENANTS = "/api/v1/platform/tenants";
    private static final String PLATFORM_CHAIN = "00000000-0000-0000-0000-000000000000";

    private final ApiClient operator = ApiClient.asPlatformOperator();

    @Test
    void theOperatorsTokenCarriesTheRoleAndNoTenant() {
        var claims = claims(ApiClient.login(ApiClient.PLATFORM, ApiClient.OPERATOR, ApiClient.OPERATOR_PASSWORD)
                .getString("access_token"));

        assertEquals(
                List.of("PLATFORM_OPERATOR"),
                claims.getJsonArray("groups").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
        assertFalse(claims.containsKey("tenant"), "no tenant claim: " + claims);
    }

    @Test
    void aNewTenantsAdministratorMustReplaceTheOneTimePasswordAtTheFirstLogin() {
        String name = newName();
        var created = operator.postJson(TENANTS, body("name", name, "adminUsername", "dana"));

        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        var answer = json(created);
        String id = answer.getJsonObject("tenant").getString("id");
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith(TENANTS + "/" + id));
        assertEquals("ACTIVE", answer.getJsonObject("tenant").getString("status"));
        assertEquals("dana", answer.getJsonObject("admin").getString("username"));
        String oneTime = answer.getJsonObject("admin").getString("oneTimePassword");

        var withoutNew = login(name, "dana", oneTime, null);
        assertEquals(403, withoutNew.statusCode(), withoutNew.body());
        assertEquals(
                "https://lotabots.io/problems/password-change-required",
                json(withoutNew).getString("type"));

        var weak = login(name, "dana", oneTime, "short");
        assertEquals(400, weak.statusCode(), weak.body());
        assertEquals(
                "newPassword",
                json(weak).getJsonArray("errors").getJsonObject(0).getString("field"));
        var same = login(name, "dana", oneTime, oneTime);
        assertEquals(400, same.statusCode(), same.body());
        assertEquals(403, login(name, "dana", oneTime, null).statusCode(), "refused changes changed nothing");

        String own = TestTenant.newPassword();
        var first = login(name, "dana", oneTime, own);
        assertEquals(200, first.statusCode(), first.body());
        var admin = ApiClient.withToken(json(first).getString("access_token"));
        assertEquals(200, admin.get("/api/v1/identity/users").statusCode(), "a real administrator of the tenant");

        assertEquals(401, login(name, "dana", oneTime, null).statusCode(), "the one-time password is spent");
        assertEquals(200, login(name, "dana", own, null).statusCode());
        assertFalse(serverLog().contains(oneTime), "the one-time password is never logged");
    }

    @Test
    void theAdministratorIsNamedAdminUnlessTheOperatorSaysOtherwise() {
        var created = operator.postJson(TENANTS, body("name", newName()));

        assertEquals(201, created.statusCode(), created.body());
        assertEquals("admin", json(created).getJsonObject("admin").getString("username"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Upper",
                "with space",
                "-leading",
                "trailing-",
                "platform",
                "ünicode",
                "under_score",
                "x123456789x123456789x123456789x123456789x123456789x123456789abcd"
            })
    void refusesABadTenantNameAndCreatesNothing(String name) throws SQLException {
        var refused = operator.postJson(TENANTS, body("name", name));

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(
                "name", json(refused).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(
                0,
                count("select count(*) from lotabots.tenant where name = ? and id <> '" + PLATFORM_CHAIN + "'", name));
    }

    @Test
    void refusesABadAdministratorNameAndAMissingBody() throws SQLException {
        String name = newName();
        var refused = operator.postJson(TENANTS, body("name", name, "adminUsername", "has space"));

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(
                "adminUsername",
                json(refused).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, count("select count(*) from lotabots.tenant where name = ?", name));
        assertEquals(400, operator.postJson(TENANTS, "").statusCode());
    }

    @Test
    void refusesADuplicateName() throws SQLException {
        String name = newName();
        assertEquals(201, operator.postJson(TENANTS, body("name", name)).statusCode());

        var again = operator.postJson(TENANTS, body("name", name));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(
                "https://lotabots.io/problems/tenant-name-taken", json(again).getString("type"));
        assertEquals(409, operator.postJson(TENANTS, body("name", "default")).statusCode());
        assertEquals(1, count("select count(*) from lotabots.tenant where name = ?", name));
    }

    @Test
    void unknownMalformedAndPlatformIdsAreNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", PLATFORM_CHAIN)) {
            assertEquals(404, operator.get(TENANTS + "/" + id).statusCode(), id);
            assertEquals(
                    404,
                    operator.postEmpty(TENANTS + "/" + id + "/suspend", null).statusCode(),
                    id);
            assertEquals(
                    404,
                    operator.postEmpty(TENANTS + "/" + id + "/resume", null).statusCode(),
                    id);
        }
    }

    @Test
    void suspendingTwiceOrResumingAnActiveTenantConflicts() {
        var tenant = TestTenant.createdByOperator("twice");
        String path = TENANTS + "/" + tenant.id();

        assertEquals(409, operator.postEmpty(path + "/resume", null).statusCode(), "active: nothing to resume");
        var suspended = operator.postEmpty(path + "/suspend", null);
        assertEquals(200, suspended.statusCode(), suspended.body());
        assertEquals("SUSPENDED", json(suspended).getString("status"));
        assertNotNull(json(suspended).getString("suspendedAt"));

        var again = operator.postEmpty(path + "/suspend", null);
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(
                "https://lotabots.io/problems/tenant-suspended", json(again).getString("type"));
        assertEquals("SUSPENDED", json(operator.get(path)).getString("status"));

        assertEquals(200, operator.postEmpty(path + "/resume", null).statusCode());
        var resumedAgain = operator.postEmpty(path + "/resume", null);
        assertEquals(409, resumedAgain.statusCode());
        assertEquals(
                "https://lotabots.io/problems/tenant-active", json(resumedAgain).getString("type"));
    }

    @Test
    void aSuspendedTenantRefusesLoginsTokensAndKeysUntilResumed() {
        var tenant = TestTenant.createdByOperator("suspended");
        var user = tenant.userWithRoles("OPERATOR");
        var tokens = user.tokens();
        var client = ApiClient.withToken(tokens.getString("access_token"));
        String protectedPath = "/api/v1/attestations/" + UUID.randomUUID();
        assertEquals(404, client.get(protectedPath).statusCode(), "authorised before");

        assertEquals(
                200,
                operator.postEmpty(TENANTS + "/" + tenant.id() + "/suspend", null)
                        .statusCode());

        assertEquals(401, client.get(protectedPath).statusCode(), "the access token is refused");
        assertEquals(401, tenant.login(user.username(), user.password()).statusCode(), "the right password too");
        var refresh = new ApiClient()
                .postJson("/api/v1/auth/refresh", body("refresh_token", tokens.getString("refresh_token")));
        assertEquals(401, refresh.statusCode(), refresh.body());

        assertEquals(
                200,
                operator.postEmpty(TENANTS + "/" + tenant.id() + "/resume", null)
                        .statusCode());
        assertEquals(200, tenant.login(user.username(), user.password()).statusCode());
        assertEquals(401, client.get(protectedPath).statusCode(), "sessions the suspension ended stay ended");
    }

    @Test
    void listsTenantsByNameWithoutThePlatformItself() {
        var tenant = TestTenant.createdByOperator("listed");

        var all = new ArrayList<JsonObject>();
        String next = TENANTS + "?limit=200";
        while (next != null) {
            var page = json(operator.get(next));
            all.addAll(page.getJsonArray("items").getValuesAs(JsonObject.class));
            next = page.isNull("next") ? null : page.getString("next");
        }
        var names = all.stream().map(t -> t.getString("name")).toList();
        assertTrue(names.contains(tenant.name()), names.toString());
        assertTrue(names.contains("default"));
        assertFalse(names.contains("platform"));
        assertEquals(names.stream().sorted().toList(), names, "ordered by name");

        var first = json(operator.get(TENANTS + "?limit=1"));
        assertEquals(1, first.getJsonArray("items").size());
        assertFalse(first.isNull("next"));
        assertEquals(400, operator.get(TENANTS + "?limit=0").statusCode());
        assertEquals(400, operator.get(TENANTS + "?cursor=%25%25").statusCode());
    }

    @Test
    void tenantUsersMayNotCallPlatformEndpointsNorHoldThePlatformRole() {
        var admin = ApiClient.asAdmin();

        assertEquals(403, admin.get(TENANTS).statusCode());
        assertEquals(403, admin.postJson(TENANTS, body("name", newName())).statusCode());
        assertEquals(
                403,
                admin.postEmpty(TENANTS + "/" + UUID.randomUUID() + "/suspend", null)
                        .statusCode());
        assertEquals(403, admin.get("/api/v1/platform/lockouts/addresses").statusCode());
        assertEquals(401, new ApiClient().get(TENANTS).statusCode());

        var user = admin.postJson(
                "/api/v1/identity/users",
                Json.createObjectBuilder()
                        .add(
                                "username",
                                "would-be-" + UUID.randomUUID().toString().substring(0, 8))
                        .add("password", TestTenant.newPassword())
                        .add("roles", Json.createArrayBuilder().add("PLATFORM_OPERATOR"))
                        .build()
                        .toString());
        assertEquals(400, user.statusCode(), user.body());
        assertEquals("roles", json(user).getJsonArray("errors").getJsonObject(0).getString("field"));
        var key = admin.postJson(
                "/api/v1/identity/api-keys",
                Json.createObjectBuilder()
                        .add("name", "would-be-operator")
                        .add("roles", Json.createArrayBuilder().add("PLATFORM_OPERATOR"))
                        .build()
                        .toString());
        assertEquals(400, key.statusCode(), key.body());
    }

    @Test
    void theOperatorIsRefusedTheTenantsDataAndMayLogOut() {
        for (String path : List.of(
                "/api/v1/identity/users",
                "/api/v1/audit/events",
                "/api/v1/attestations",
                "/api/v1/identity/lockouts")) {
            assertEquals(403, operator.get(path).statusCode(), path);
        }
        var session =
                ApiClient.withToken(ApiClient.login(ApiClient.PLATFORM, ApiClient.OPERATOR, ApiClient.OPERATOR_PASSWORD)
                        .getString("access_token"));
        assertEquals(204, session.postEmpty("/api/v1/auth/logout", null).statusCode());
        assertEquals(401, session.get(TENANTS).statusCode());
    }

    @Test
    void creationSuspensionAndResumptionAreOnThePlatformsTrailWithTheOperatorAsActor() throws SQLException {
        var tenant = TestTenant.createdByOperator("audited");
        String path = TENANTS + "/" + tenant.id();
        assertEquals(200, operator.postEmpty(path + "/suspend", null).statusCode());
        assertEquals(200, operator.postEmpty(path + "/resume", null).statusCode());
        String operatorId = claims(ApiClient.login(ApiClient.PLATFORM, ApiClient.OPERATOR, ApiClient.OPERATOR_PASSWORD)
                        .getString("access_token"))
                .getString("sub");

        assertEquals(
                List.of("platform.tenant.created", "platform.tenant.suspended", "platform.tenant.resumed"),
                actions(PLATFORM_CHAIN, tenant.id().toString(), operatorId));
        assertEquals(
                List.of("tenant.suspended", "tenant.resumed"),
                actions(tenant.id().toString(), tenant.id().toString(), operatorId),
                "the tenant's own trail says who stopped it");
        Eventually.await(
                Duration.ofSeconds(30),
                () -> json(tenant.admin().get("/api/v1/audit/verification")),
                v -> v.getBoolean("intact") && v.getInt("eventsChecked") > 0,
                "the tenant's chain, with the operator's events, to be sealed and intact");
    }

    private static List<String> actions(String chain, String targetId, String actor) throws SQLException {
        try (var connection = new DevServicesReport().database();
                var statement = connection.prepareStatement("select action from lotabots.audit_event where tenant_id"
                        + " = ?::uuid and target_type = 'tenant' and target_id = ? and actor = ? order by id")) {
            statement.setString(1, chain);
            statement.setString(2, targetId);
            statement.setString(3, actor);
            var actions = new ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
            return actions;
        }
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (var connection = new DevServicesReport().database();
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static HttpResponse<String> login(String tenant, String username, String password, String newPassword) {
        var body = Json.createObjectBuilder()
                .add("tenant", tenant)
                .add("username", username)
                .add("password", password);
        if (newPassword != null) {
            body.add("newPassword", newPassword);
        }
        return LoginAttempts.fromNewAddress().post(body.build().toString());
    }

    static JsonObject claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new java.io.StringReader(payload))) {
            return reader.readObject();
        }
    }

    private static String body(String... namesAndValues) {
        var body = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return body.build().toString();
    }

    private static String newName() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The test server's log, where nothing secret may ever appear. */
    private static String serverLog() {
        var logs = java.nio.file.Path.of(
                System.getProperty("liberty.servers.dir", "target/liberty/wlp/usr/servers"),
                System.getProperty("liberty.server.name", "lotabots"),
                "logs");
        try (var files = java.nio.file.Files.list(logs)) {
            var text = new StringBuilder();
            for (var file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                text.append(java.nio.file.Files.readString(file, StandardCharsets.ISO_8859_1));
            }
            return text.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the server's logs at " + logs.toAbsolutePath(), e);
        }
    }
}
