package io.lotabots.attestation;

import static io.lotabots.attestation.HardwareCalls.POLICIES;
import static io.lotabots.testsupport.ApiClient.etag;
import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hardware policies: versioned CRUD with If-Match, a default per tenant, validation, roles and audit. */
class HardwarePoliciesIT {

    private static final String DIGEST = "3d458cfe55cc03ea1f443f1562beec8df51c75e14a9fcf9a7234a13f198e7969";
    private final TestTenant tenant = TestTenant.create("policies-it");
    private final ApiClient admin = tenant.admin();

    @Test
    void everyTenantHasADefaultPolicyFromItsFirstUse() {
        var response = admin.get(POLICIES + "/default");

        assertEquals(200, response.statusCode(), response.body());
        var policy = json(response);
        assertEquals(1, policy.getInt("version"));
        assertEquals("sha256:0,1,2,3,4,5,6,7", policy.getString("pcrSelection"));
        assertTrue(policy.getJsonObject("referenceValues").isEmpty());
        assertTrue(!policy.getBoolean("eventLogRequired") && !policy.getBoolean("enrolledDeviceRequired"));
        assertEquals("\"1\"", etag(response));
        assertEquals(List.of("default"), names(json(admin.get(POLICIES))));
        assertProblem(admin.delete(POLICIES + "/default", null), 409, "conflict");
    }

    @Test
    void createsAPolicyAndEachWriteIsANewImmutableVersion() {
        String name = "fleet-" + UUID.randomUUID().toString().substring(0, 8);
        var created =
                admin.postJson(POLICIES, policy(name, "sha256:0-7").build().toString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(
                ApiClient.uri(POLICIES + "/" + name).toString(),
                created.headers().firstValue("Location").orElseThrow());
        assertEquals("\"1\"", etag(created));
        assertEquals("sha256:0,1,2,3,4,5,6,7", json(created).getString("pcrSelection"));

        var updated = admin.putJson(
                POLICIES + "/" + name,
                policy(null, "sha256:0,7").add("eventLogRequired", true).build().toString(),
                "\"1\"");

        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("\"2\"", etag(updated));
        var latest = json(admin.get(POLICIES + "/" + name));
        assertEquals(2, latest.getInt("version"));
        assertEquals("sha256:0,7", latest.getString("pcrSelection"));
        assertEquals(
                List.of(1, 2),
                latest.getJsonArray("versions").getValuesAs(jakarta.json.JsonNumber.class).stream()
                        .map(n -> n.intValue())
                        .toList());
        var first = json(admin.get(POLICIES + "/" + name + "/versions/1"));
        assertEquals("sha256:0,1,2,3,4,5,6,7", first.getString("pcrSelection"));
        assertEquals(
                List.of(DIGEST),
                first.getJsonObject("referenceValues").getJsonArray("sha256:0").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
        assertEquals(tenant.adminId().toString(), first.getString("createdBy"));
        assertProblem(admin.get(POLICIES + "/" + name + "/versions/3"), 404, "not-found");
    }

    @Test
    void aWriteBasedOnAnOlderVersionIsRefused() {
        String name = "stale-" + UUID.randomUUID().toString().substring(0, 8);
        admin.postJson(POLICIES, policy(name, "sha256:0").build().toString());
        admin.putJson(POLICIES + "/" + name, policy(null, "sha256:1").build().toString(), "\"1\"");

        var stale = admin.putJson(
                POLICIES + "/" + name, policy(null, "sha256:2").build().toString(), "\"1\"");

        assertProblem(stale, 412, "precondition-failed");
        assertEquals("\"2\"", etag(stale));
        assertProblem(
                admin.putJson(
                        POLICIES + "/" + name, policy(null, "sha256:2").build().toString(), "W/\"2\""),
                412,
                "precondition-failed");
        assertEquals("sha256:1", json(admin.get(POLICIES + "/" + name)).getString("pcrSelection"));
    }

    @Test
    void refusesInvalidContentNamingEveryFieldAndCreatesNothing() {
        String name = "invalid-" + UUID.randomUUID().toString().substring(0, 8);
        var body = Json.createObjectBuilder()
                .add("name", name)
                .add("pcrSelection", "sha256:0,1")
                .add(
                        "referenceValues",
                        Json.createObjectBuilder()
                                .add("sha256:0", Json.createArrayBuilder().add("abc")))
                .add(
                        "trustedEkCas",
                        Json.createArrayBuilder().add("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----"));

        var problem = assertProblem(admin.postJson(POLICIES, body.build().toString()), 400, "validation");

        var fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
        assertEquals(List.of("referenceValues.sha256:0", "trustedEkCas[0]"), fields);
        assertProblem(admin.get(POLICIES + "/" + name), 404, "not-found");
        var badSelection = assertProblem(
                admin.postJson(POLICIES, policy(name, "sha257:0").build().toString()), 400, "validation");
        assertEquals(
                "pcrSelection",
                badSelection.getJsonArray("errors").getJsonObject(0).getString("field"));
        var badName = assertProblem(
                admin.postJson(
                        POLICIES, policy("Not A Name", "sha256:0").build().toString()),
                400,
                "validation");
        assertEquals("name", badName.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aNameIsTakenOnceAndADeletedPolicyKeepsItsVersionsHidden() {
        String name = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        admin.postJson(POLICIES, policy(name, "sha256:0").build().toString());

        assertProblem(admin.postJson(POLICIES, policy(name, "sha256:0").build().toString()), 409, "conflict");
        assertEquals(204, admin.delete(POLICIES + "/" + name, "\"1\"").statusCode());
        assertProblem(admin.get(POLICIES + "/" + name), 404, "not-found");
        assertTrue(!names(json(admin.get(POLICIES))).contains(name));
        var again = admin.postJson(POLICIES, policy(name, "sha256:1").build().toString());
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(2, json(again).getInt("version"), "versions continue: verdicts name the old one");
        var actions = HardwareCalls.auditEvents(admin, "hardware-policy", name).stream()
                .map(e -> e.getString("action"))
                .sorted()
                .toList();
        assertEquals(List.of("hardware-policy.created", "hardware-policy.created", "hardware-policy.deleted"), actions);
    }

    @Test
    void changesAreAudited() {
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        admin.postJson(POLICIES, policy(name, "sha256:0").build().toString());
        admin.putJson(POLICIES + "/" + name, policy(null, "sha256:0,1").build().toString(), null);

        var events = HardwareCalls.auditEvents(admin, "hardware-policy", name);

        assertEquals(
                List.of("hardware-policy.created", "hardware-policy.updated"),
                events.stream().map(e -> e.getString("action")).sorted().toList());
        assertTrue(events.stream()
                .allMatch(e -> e.getString("actor").equals(tenant.adminId().toString())));
    }

    @Test
    void readersReadAndOnlyOperatorsAndAdministratorsWrite() {
        String password = TestTenant.newPassword();
        tenant.createUser("officer", password, "COMPLIANCE_OFFICER");
        tenant.createUser("operator", password, "OPERATOR");
        ApiClient officer = ApiClient.withToken(tenant.accessToken("officer", password));
        ApiClient operator = ApiClient.withToken(tenant.accessToken("operator", password));

        assertEquals(200, officer.get(POLICIES + "/default").statusCode());
        assertEquals(
                403,
                officer.postJson(
                                POLICIES, policy("officers", "sha256:0").build().toString())
                        .statusCode());
        assertEquals(
                201,
                operator.postJson(
                                POLICIES,
                                policy("operators", "sha256:0").build().toString())
                        .statusCode());
    }

    @Test
    void anotherTenantsPoliciesAreNotFound() {
        String name = "private-" + UUID.randomUUID().toString().substring(0, 8);
        admin.postJson(POLICIES, policy(name, "sha256:0").build().toString());
        ApiClient stranger = TestTenant.create("policies-it-other").admin();

        assertProblem(stranger.get(POLICIES + "/" + name), 404, "not-found");
        assertProblem(stranger.get(POLICIES + "/" + name + "/versions/1"), 404, "not-found");
        assertProblem(
                stranger.putJson(
                        POLICIES + "/" + name, policy(null, "sha256:0").build().toString(), null),
                404,
                "not-found");
        assertProblem(stranger.delete(POLICIES + "/" + name, null), 404, "not-found");
        assertEquals(List.of("default"), names(json(stranger.get(POLICIES))));
    }

    private static JsonObjectBuilder policy(String name, String selection) {
        var body = Json.createObjectBuilder().add("pcrSelection", selection);
        if (name != null) {
            body.add("name", name);
        }
        if (selection.startsWith("sha256:0")) {
            body.add(
                    "referenceValues",
                    Json.createObjectBuilder()
                            .add("sha256:0", Json.createArrayBuilder().add(DIGEST)));
        }
        return body;
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("name"))
                .toList();
    }

    private static JsonObject assertProblem(HttpResponse<String> response, int status, String slug) {
        assertEquals(status, response.statusCode(), response.body());
        var problem = json(response);
        assertEquals("https://lotabots.io/problems/" + slug, problem.getString("type"), response.body());
        return problem;
    }
}
