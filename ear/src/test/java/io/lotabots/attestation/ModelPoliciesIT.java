package io.lotabots.attestation;

import static io.lotabots.testsupport.ApiClient.etag;
import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Model policies: versioned CRUD with If-Match, a default per tenant, validation, roles, tenants and audit. */
class ModelPoliciesIT {

    static final String POLICIES = "/api/v1/attestations/models/policies";

    private final TestTenant tenant = TestTenant.create("model-policies-it");
    private final ApiClient admin = tenant.admin();

    @Test
    void everyTenantHasADefaultModelPolicyFromItsFirstUse() {
        var response = admin.get(POLICIES + "/default");

        assertEquals(200, response.statusCode(), response.body());
        var policy = json(response);
        assertEquals(1, policy.getInt("version"));
        assertFalse(policy.getBoolean("signatureRequired"));
        assertFalse(policy.getBoolean("suspiciousPasses"));
        assertTrue(policy.getJsonArray("trustedKeys").isEmpty());
        assertTrue(policy.getJsonArray("allowedFormats").isEmpty());
        assertFalse(policy.containsKey("maxSizeBytes") && !policy.isNull("maxSizeBytes"));
        assertEquals("system", policy.getString("createdBy"));
        assertEquals("\"1\"", etag(response));
        assertEquals(List.of("default"), names(json(admin.get(POLICIES))));
        assertProblem(admin.delete(POLICIES + "/default", null), 409, "conflict");
        // the hardware default is another policy: both exist side by side
        assertEquals(200, admin.get(HardwareCalls.POLICIES + "/default").statusCode());
    }

    @Test
    void eachWriteIsANewImmutableVersionWithItsContentCanonical() throws Exception {
        String name = "signed-" + UUID.randomUUID().toString().substring(0, 8);
        String key = publicKeyPem("secp256r1");
        var created = admin.postJson(
                POLICIES,
                policy(name)
                        .add("trustedKeys", Json.createArrayBuilder().add("a key, as certtool writes it:\n" + key))
                        .add("signatureRequired", true)
                        .add(
                                "allowedFormats",
                                Json.createArrayBuilder().add("SAFETENSORS").add("gguf"))
                        .add("maxSizeBytes", 1_000_000L)
                        .build()
                        .toString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(
                ApiClient.uri(POLICIES + "/" + name).toString(),
                created.headers().firstValue("Location").orElseThrow());
        var first = json(created);
        assertEquals(List.of(key), strings(first, "trustedKeys"), "the PEM block alone, re-encoded");
        assertEquals(List.of("gguf", "safetensors"), strings(first, "allowedFormats"));
        assertEquals(1_000_000L, first.getJsonNumber("maxSizeBytes").longValue());

        var updated = admin.putJson(
                POLICIES + "/" + name,
                policy(null).add("suspiciousPasses", true).build().toString(),
                "\"1\"");

        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("\"2\"", etag(updated));
        var latest = json(admin.get(POLICIES + "/" + name));
        assertEquals(2, latest.getInt("version"));
        assertTrue(latest.getBoolean("suspiciousPasses"));
        assertFalse(latest.getBoolean("signatureRequired"));
        var one = json(admin.get(POLICIES + "/" + name + "/versions/1"));
        assertTrue(one.getBoolean("signatureRequired"));
        assertEquals(List.of(key), strings(one, "trustedKeys"));
        assertEquals(tenant.adminId().toString(), one.getString("createdBy"));
        assertProblem(admin.get(POLICIES + "/" + name + "/versions/3"), 404, "not-found");
        assertProblem(admin.get(POLICIES + "/" + name + "/versions/x"), 404, "not-found");
    }

    @Test
    void aWriteBasedOnAnOlderVersionIsRefused() {
        String name = "stale-" + UUID.randomUUID().toString().substring(0, 8);
        admin.postJson(POLICIES, policy(name).build().toString());
        admin.putJson(
                POLICIES + "/" + name,
                policy(null).add("suspiciousPasses", true).build().toString(),
                "\"1\"");

        var stale = admin.putJson(POLICIES + "/" + name, policy(null).build().toString(), "\"1\"");

        assertProblem(stale, 412, "precondition-failed");
        assertEquals("\"2\"", etag(stale));
        assertTrue(json(admin.get(POLICIES + "/" + name)).getBoolean("suspiciousPasses"));
    }

    @Test
    void refusesInvalidContentNamingEveryFieldAndCreatesNothing() throws Exception {
        String name = "invalid-" + UUID.randomUUID().toString().substring(0, 8);
        var body = policy(name)
                .add(
                        "trustedKeys",
                        Json.createArrayBuilder()
                                .add(publicKeyPem("secp256r1"))
                                .add("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----\n")
                                .add(rsaPublicKeyPem()))
                .add("trustedCas", Json.createArrayBuilder().add(publicKeyPem("secp384r1")))
                .add(
                        "allowedFormats",
                        Json.createArrayBuilder().add("safetensors").add("exe"))
                .add("maxSizeBytes", 0);

        var problem = assertProblem(admin.postJson(POLICIES, body.build().toString()), 400, "validation");

        assertEquals(
                List.of("trustedKeys[1]", "trustedKeys[2]", "trustedCas[0]", "allowedFormats[1]", "maxSizeBytes"),
                fields(problem));
        assertProblem(admin.get(POLICIES + "/" + name), 404, "not-found");
        var unsatisfiable = assertProblem(
                admin.postJson(
                        POLICIES,
                        policy(name).add("signatureRequired", true).build().toString()),
                400,
                "validation");
        assertEquals(List.of("signatureRequired"), fields(unsatisfiable));
        var badName = assertProblem(
                admin.postJson(POLICIES, policy("Not A Name").build().toString()), 400, "validation");
        assertEquals(List.of("name"), fields(badName));
        assertProblem(admin.get(POLICIES + "/" + name), 404, "not-found");
        assertTrue(HardwareCalls.auditEvents(admin, "model-policy", name).isEmpty());
    }

    @Test
    void aNameIsTakenOnceAndADeletedPolicyKeepsItsVersionsHidden() {
        String name = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        admin.postJson(POLICIES, policy(name).build().toString());

        assertProblem(admin.postJson(POLICIES, policy(name).build().toString()), 409, "conflict");
        assertProblem(admin.delete(POLICIES + "/" + name, "\"7\""), 412, "precondition-failed");
        assertEquals(204, admin.delete(POLICIES + "/" + name, "\"1\"").statusCode());
        assertProblem(admin.get(POLICIES + "/" + name), 404, "not-found");
        assertFalse(names(json(admin.get(POLICIES))).contains(name));
        var again = admin.postJson(POLICIES, policy(name).build().toString());
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(2, json(again).getInt("version"), "versions continue: verdicts name the old one");
        var events = HardwareCalls.auditEvents(admin, "model-policy", name);
        assertEquals(
                List.of("model-policy.created", "model-policy.created", "model-policy.deleted"),
                events.stream().map(e -> e.getString("action")).sorted().toList());
        assertTrue(events.stream()
                .allMatch(e -> e.getString("actor").equals(tenant.adminId().toString())));
    }

    @Test
    void pagesFollowTheNames() {
        for (String name : List.of("page-a", "page-b", "page-c")) {
            assertEquals(
                    201,
                    admin.postJson(POLICIES, policy(name).build().toString()).statusCode());
        }

        var first = json(admin.get(POLICIES + "?limit=2"));
        assertEquals(List.of("default", "page-a"), names(first));
        var next = first.getString("next");
        var second = json(admin.get(next.substring(next.indexOf("/api/v1"))));
        assertEquals(List.of("page-b", "page-c"), names(second));
        assertProblem(admin.get(POLICIES + "?cursor=%21%21"), 400, "malformed-cursor");
    }

    @Test
    void readersReadAndOnlyOperatorsAndAdministratorsWrite() {
        String password = TestTenant.newPassword();
        tenant.createUser("officer", password, "COMPLIANCE_OFFICER");
        tenant.createUser("operator", password, "OPERATOR");
        tenant.createUser("developer", password, "DEVELOPER");
        ApiClient officer = ApiClient.withToken(tenant.accessToken("officer", password));
        ApiClient operator = ApiClient.withToken(tenant.accessToken("operator", password));
        ApiClient developer = ApiClient.withToken(tenant.accessToken("developer", password));

        assertEquals(200, officer.get(POLICIES + "/default").statusCode());
        assertEquals(403, developer.get(POLICIES + "/default").statusCode());
        assertEquals(
                403,
                officer.postJson(POLICIES, policy("officers").build().toString())
                        .statusCode());
        assertEquals(403, officer.delete(POLICIES + "/default", null).statusCode());
        assertEquals(
                201,
                operator.postJson(POLICIES, policy("operators").build().toString())
                        .statusCode());
        assertEquals(401, new ApiClient().get(POLICIES).statusCode());
    }

    @Test
    void anotherTenantsPoliciesAreNotFound() {
        String name = "private-" + UUID.randomUUID().toString().substring(0, 8);
        admin.postJson(POLICIES, policy(name).build().toString());
        ApiClient stranger = TestTenant.create("model-policies-it-other").admin();

        assertProblem(stranger.get(POLICIES + "/" + name), 404, "not-found");
        assertProblem(stranger.get(POLICIES + "/" + name + "/versions/1"), 404, "not-found");
        assertProblem(
                stranger.putJson(POLICIES + "/" + name, policy(null).build().toString(), null), 404, "not-found");
        assertProblem(stranger.delete(POLICIES + "/" + name, null), 404, "not-found");
        assertEquals(List.of("default"), names(json(stranger.get(POLICIES))));
    }

    static String publicKeyPem(String curve) throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return pem(generator.generateKeyPair().getPublic().getEncoded());
    }

    private static String rsaPublicKeyPem() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return pem(generator.generateKeyPair().getPublic().getEncoded());
    }

    static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static JsonObjectBuilder policy(String name) {
        var body = Json.createObjectBuilder();
        if (name != null) {
            body.add("name", name);
        }
        return body;
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
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
