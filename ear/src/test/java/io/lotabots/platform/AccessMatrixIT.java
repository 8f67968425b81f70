package io.lotabots.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.EkKind;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every endpoint of docs/access-matrix.md: without a token (401 unless public), with a user of
 * each role (403 unless the matrix allows the role, otherwise neither 401 nor 403), and for paths
 * with ids, with another tenant's token on this tenant's ids (404). Requests carry an empty body of
 * the endpoint's media type: an allowed caller may then get 400 or 404, which still proves that
 * authorisation let it through. Ids are random except in the cross-tenant check. Both tenants are
 * created by the platform operator through the API, and the operator (no tenant's caller) is walked
 * like every role: every tenant endpoint refuses it.
 */
class AccessMatrixIT {

    private static final List<String> ROLES =
            List.of("ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "OPERATOR", "DEVELOPER", "PLATFORM_OPERATOR");
    private static final Set<Integer> NOT_MATCHED = Set.of(405, 406, 415);

    /** Prefixes of id-bearing paths whose resources belong to no tenant, and why. */
    private static final Map<String, String> PLATFORM_WIDE = Map.of(
            "/api/v1/platform/", "tenants and address lockouts are the platform operator's, who belongs to no tenant");

    /** Valid bodies for writes on ids, so the cross-tenant answer is about the id and not a 400. */
    private static final Map<String, String> VALID_BODIES = Map.of(
            "PUT /api/v1/identity/users/{id}/roles",
            "{\"roles\": [\"AUDITOR\"]}",
            "PUT /api/v1/identity/users/{id}/password",
            "{\"password\": \"" + TestTenant.newPassword() + "\", \"currentPassword\": \"x\"}",
            "PUT /api/v1/attestations/hardware/policies/{name}",
            "{\"pcrSelection\": \"sha256:0\"}",
            "PUT /api/v1/attestations/models/policies/{name}",
            "{}",
            "POST /api/v1/devices/{id}/activation",
            "{\"secret\": \"AAAA\"}",
            "POST /api/v1/attestations/{id}/review",
            "{\"decision\": \"ACCEPTED\"}");

    private static final List<MatrixRow> MATRIX = MatrixRow.readAll();
    private static TestTenant home;
    private static final Map<String, RoleSession> HOME_USERS = new LinkedHashMap<>();
    private static final Map<String, RoleSession> FOREIGN_USERS = new LinkedHashMap<>();
    /** Path prefix up to the id → an id (or ids joined by "/") of the home tenant's own resource. */
    private static final Map<String, String> HOME_IDS = new LinkedHashMap<>();

    @BeforeAll
    static void twoTenantsWithAUserOfEachRole() {
        home = TestTenant.createdByOperator("matrix-home");
        var foreign = TestTenant.createdByOperator("matrix-foreign");
        for (String role : ROLES) {
            if (role.equals("PLATFORM_OPERATOR")) {
                HOME_USERS.put(role, RoleSession.platformOperator());
                FOREIGN_USERS.put(role, RoleSession.platformOperator());
            } else {
                HOME_USERS.put(role, new RoleSession(home, role));
                FOREIGN_USERS.put(role, new RoleSession(foreign, role));
            }
        }
        var target = home.createUser("target", TestTenant.newPassword(), "DEVELOPER");
        HOME_IDS.put("/api/v1/identity/users/", target.getString("id"));
        HOME_IDS.put(
                "/api/v1/identity/lockouts/",
                home.name() + "/" + home.administrator().username());
        var key = home.admin()
                .postJson(
                        "/api/v1/identity/api-keys",
                        Json.createObjectBuilder()
                                .add("name", "matrix")
                                .add("roles", Json.createArrayBuilder().add("DEVELOPER"))
                                .build()
                                .toString());
        HOME_IDS.put(
                "/api/v1/identity/api-keys/",
                ApiClient.json(key).getJsonObject("key").getString("id"));
        HOME_IDS.put("/api/v1/devices/", enrolledDevice(home));
        var policy = home.admin()
                .postJson(
                        "/api/v1/attestations/hardware/policies",
                        "{\"name\": \"matrix\", \"pcrSelection\": \"sha256:0\"}");
        assertEquals(201, policy.statusCode(), policy.body());
        HOME_IDS.put("/api/v1/attestations/hardware/policies/", "matrix/1");
        var model = io.lotabots.model.ModelUploads.form()
                .name("matrix")
                .file("matrix.bin", new byte[] {1, 2, 3})
                .send(home.admin());
        assertEquals(201, model.statusCode(), model.body());
        HOME_IDS.put("/api/v1/models/", ApiClient.json(model).getString("id"));
        var document = io.lotabots.document.DocumentForms.upload(home.admin(), "matrix");
        HOME_IDS.put("/api/v1/documents/", document + "/1");
        var modelPolicy = home.admin().postJson("/api/v1/attestations/models/policies", "{\"name\": \"matrix\"}");
        assertEquals(201, modelPolicy.statusCode(), modelPolicy.body());
        HOME_IDS.put("/api/v1/attestations/models/policies/", "matrix/1");
        var purpose = home.admin()
                .postJson(
                        "/api/v1/privacy/purposes",
                        "{\"code\": \"matrix\", \"name\": \"Matrix\", \"description\": \"d\", \"legalBasis\": \"CONSENT\","
                                + " \"policyText\": \"t\"}");
        assertEquals(201, purpose.statusCode(), purpose.body());
        HOME_IDS.put("/api/v1/privacy/purposes/", "matrix");
        HOME_IDS.put("/api/v1/privacy/me/consents/", "matrix");
        var consent = home.admin().putJson("/api/v1/privacy/me/consents/matrix", "{\"granted\": true}", null);
        assertEquals(200, consent.statusCode(), consent.body());
        String consentRecord = ApiClient.json(consent).getString("id");
        HOME_IDS.put("/api/v1/privacy/consent-records/", consentRecord);
        HOME_IDS.put("/api/v1/privacy/me/consent-records/", consentRecord);
        var hold =
                home.admin().postJson("/api/v1/privacy/legal-holds", "{\"scope\": \"tenant\", \"reason\": \"matrix\"}");
        assertEquals(201, hold.statusCode(), hold.body());
        HOME_IDS.put("/api/v1/privacy/legal-holds/", ApiClient.json(hold).getString("id"));
        var subjectRequest = home.admin().postJson("/api/v1/privacy/me/requests", "{\"type\": \"export\"}");
        assertEquals(201, subjectRequest.statusCode(), subjectRequest.body());
        String subjectRequestId = ApiClient.json(subjectRequest).getString("id");
        HOME_IDS.put("/api/v1/privacy/requests/", subjectRequestId);
        HOME_IDS.put("/api/v1/privacy/me/requests/", subjectRequestId);
        // after the more specific attestation prefixes above: the first matching prefix is used
        HOME_IDS.put("/api/v1/attestations/", homeAttestation());
    }

    /** A device of the tenant, enrolled with a software TPM's EK and AK. */
    private static String enrolledDevice(TestTenant tenant) {
        try (var tpm = SoftwareTpm.start()) {
            var ak = tpm.createAttestationKey(AkKind.ECC_P256);
            var body = Json.createObjectBuilder()
                    .add("ekPublicKey", tpm.endorsementKey(EkKind.RSA_2048).publicPem())
                    .add("akPublicArea", Base64.getEncoder().encodeToString(ak.publicArea()))
                    .build();
            var device = tenant.admin().postJson("/api/v1/devices", body.toString());
            assertEquals(201, device.statusCode(), device.body());
            return ApiClient.json(device).getString("id");
        }
    }

    /** An attestation of the home tenant (junk evidence: rejected, but an id all the same). */
    private static String homeAttestation() {
        var admin = home.admin();
        String nonce = ApiClient.json(admin.postJson("/api/v1/attestations/hardware/nonces", ""))
                .getString("nonce");
        String junk = java.util.Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
        var submitted = admin.postJson(
                "/api/v1/attestations/hardware",
                Json.createObjectBuilder()
                        .add("nonce", nonce)
                        .add("quote", junk)
                        .add("signature", junk)
                        .add("pcrs", junk)
                        .add("akPublicKey", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n")
                        .build()
                        .toString());
        return ApiClient.json(submitted).getString("id");
    }

    @Test
    void theMatrixListsTheIdentityEndpoints() {
        assertTrue(MATRIX.size() >= 15, "rows: " + MATRIX.size());
        assertTrue(MATRIX.stream().anyMatch(r -> r.path().equals("/api/v1/auth/token") && r.isPublic()));
    }

    @Test
    void thePlatformOperatorMayCallOnlyThePlatformEndpointsAndLogout() {
        var operatorRows = MATRIX.stream()
                .filter(r -> !r.isPublic() && r.allows("PLATFORM_OPERATOR"))
                .map(r -> r.method() + " " + r.path())
                .toList();
        assertTrue(operatorRows.contains("POST /api/v1/platform/tenants"), operatorRows.toString());
        assertTrue(
                operatorRows.stream()
                        .allMatch(r -> r.contains(" /api/v1/platform/") || r.equals("POST /api/v1/auth/logout")),
                "the platform operator reaches only platform endpoints: " + operatorRows);
        assertTrue(
                MATRIX.stream()
                        .filter(r -> r.path().startsWith("/api/v1/platform/"))
                        .allMatch(r -> r.roles().equals(Set.of("PLATFORM_OPERATOR"))),
                "no tenant role reaches a platform endpoint");
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersAsTheMatrixSays() {
        return MATRIX.stream().map(row -> DynamicTest.dynamicTest(row.method() + " " + row.path(), () -> walk(row)));
    }

    private static void walk(MatrixRow row) {
        String path = row.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        var anonymous = send(new ApiClient(), row, path, emptyBody(row));
        if (row.isPublic()) {
            assertAuthorised(anonymous, row, "no token");
        } else {
            assertEquals(401, anonymous.statusCode(), row + " without a token: " + anonymous.body());
        }
        for (String role : ROLES) {
            var response = send(HOME_USERS.get(role).client(), row, path, emptyBody(row));
            if (row.allows(role)) {
                assertAuthorised(response, row, role);
            } else {
                assertEquals(403, response.statusCode(), row + " as " + role + ": " + response.body());
            }
        }
        if (row.hasIds() && !row.isPublic()) {
            walkFromAnotherTenant(row);
        }
    }

    private static void walkFromAnotherTenant(MatrixRow row) {
        if (PLATFORM_WIDE.keySet().stream().anyMatch(row.path()::startsWith)) {
            return;
        }
        String prefix = HOME_IDS.keySet().stream()
                .filter(row.path()::startsWith)
                .findFirst()
                .orElse(null);
        if (prefix == null) {
            fail(row.path() + " takes an id but AccessMatrixIT has none of the home tenant's to try from another"
                    + " tenant: add one to HOME_IDS (or to PLATFORM_WIDE with the reason).");
        }
        String rest = row.path().substring(prefix.length());
        for (String id : HOME_IDS.get(prefix).split("/")) {
            rest = rest.replaceFirst("\\{[^}]+}", id);
        }
        String path = prefix + rest;
        String role = ROLES.stream().filter(row::allows).findFirst().orElseThrow();
        String body = VALID_BODIES.getOrDefault(row.method() + " " + row.path(), emptyBody(row));
        var response = send(FOREIGN_USERS.get(role).client(), row, path, body);
        assertEquals(404, response.statusCode(), row + " on another tenant's id as " + role + ": " + response.body());
    }

    private static void assertAuthorised(HttpResponse<String> response, MatrixRow row, String who) {
        int status = response.statusCode();
        String what = row + " as " + who + " answered " + status + ": " + response.body();
        assertFalse(status == 401 || status == 403, what);
        assertFalse(NOT_MATCHED.contains(status), "the walk must reach the method: " + what);
        assertTrue(status < 500, what);
    }

    private static String emptyBody(MatrixRow row) {
        return switch (row.body()) {
            case "JSON" -> "{}";
            case "form" -> "";
            case "multipart/form-data" -> "--matrix--\r\n";
            case "application/merge-patch+json" -> "{}";
            default -> null;
        };
    }

    private static HttpResponse<String> send(ApiClient client, MatrixRow row, String path, String body) {
        var request = HttpRequest.newBuilder(ApiClient.uri(path));
        if (body == null) {
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            String type =
                    switch (row.body()) {
                        case "form" -> "application/x-www-form-urlencoded";
                        case "multipart/form-data" -> "multipart/form-data; boundary=matrix";
                        case "application/merge-patch+json" -> "application/merge-patch+json";
                        default -> "application/json";
                    };
            request.header("Content-Type", type).method(row.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        return client.send(request);
    }
}
