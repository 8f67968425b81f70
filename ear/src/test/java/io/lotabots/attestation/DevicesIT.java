package io.lotabots.attestation;

import static io.lotabots.attestation.HardwareCalls.DEVICES;
import static io.lotabots.attestation.HardwareCalls.activation;
import static io.lotabots.attestation.HardwareCalls.base64;
import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.EkKind;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keylime-style enrollment against a real (software) TPM: the server's MakeCredential output goes to
 * tpm2_activatecredential unchanged, and the secret it recovers activates the device.
 */
class DevicesIT {

    private static final TestTenant TENANT = TestTenant.create("devices-it");
    private static final TestTenant OTHER = TestTenant.create("devices-it-other");
    private static SoftwareTpm tpm;
    private static ApiClient operator;

    @BeforeAll
    static void aTpmAndAnOperator() {
        tpm = SoftwareTpm.start();
        String password = TestTenant.newPassword();
        TENANT.createUser("operator", password, "OPERATOR");
        operator = ApiClient.withToken(TENANT.accessToken("operator", password));
    }

    @AfterAll
    static void scrapTheTpm() {
        tpm.close();
    }

    @Test
    void enrollsWithTheEkCertificateAndActivatesWithTheSecretTheTpmRecovered() {
        AttestationKey ak = tpm.createAttestationKey(AkKind.ECC_P256, EkKind.RSA_2048);
        var body = enrollment(ak)
                .add("name", "runner-1")
                .add("ekCertificate", base64(tpm.endorsementKey(EkKind.RSA_2048).certificate()));

        var enrolled = operator.postJson(DEVICES, body.build().toString());

        assertEquals(201, enrolled.statusCode(), enrolled.body());
        var device = json(enrolled);
        String id = device.getString("id");
        assertEquals(
                ApiClient.uri(DEVICES + "/" + id).toString(),
                enrolled.headers().firstValue("Location").orElseThrow());
        assertEquals("PENDING_ACTIVATION", device.getString("status"));
        assertEquals(HexFormat.of().formatHex(ak.name()), device.getString("akName"));
        assertTrue(device.getJsonObject("device").getBoolean("ekCertificatePresent"));

        byte[] secret = tpm.activateCredential(ak, Base64.getDecoder().decode(device.getString("credential")));
        var activated = operator.postJson(DEVICES + "/" + id + "/activation", activation(secret));

        assertEquals(200, activated.statusCode(), activated.body());
        assertEquals("ACTIVE", json(activated).getString("status"));
        assertEquals("ACTIVE", json(TENANT.admin().get(DEVICES + "/" + id)).getString("status"));
        var actions = HardwareCalls.auditEvents(TENANT.admin(), "device", id).stream()
                .map(e -> e.getString("action"))
                .sorted()
                .toList();
        assertEquals(List.of("device.activated", "device.enrolled"), actions);
    }

    @Test
    void enrollsAnEccEkSentAsItsPublicArea() {
        AttestationKey ak = tpm.createAttestationKey(AkKind.RSA_2048_RSASSA, EkKind.ECC_P256);
        var body = enrollment(ak)
                .add("ekPublicArea", base64(tpm.endorsementKey(EkKind.ECC_P256).publicArea()));

        var device = enroll(body);
        byte[] secret = tpm.activateCredential(ak, Base64.getDecoder().decode(device.getString("credential")));

        assertEquals(
                200,
                operator.postJson(DEVICES + "/" + device.getString("id") + "/activation", activation(secret))
                        .statusCode());
    }

    @Test
    void enrollsAnEkSentAsAPemPublicKey() {
        AttestationKey ak = tpm.createAttestationKey(AkKind.RSA_2048_RSAPSS, EkKind.RSA_2048);
        var body = enrollment(ak)
                .add("ekPublicKey", tpm.endorsementKey(EkKind.RSA_2048).publicPem());

        var device = enroll(body);
        byte[] secret = tpm.activateCredential(ak, Base64.getDecoder().decode(device.getString("credential")));

        assertEquals(
                200,
                operator.postJson(DEVICES + "/" + device.getString("id") + "/activation", activation(secret))
                        .statusCode());
    }

    @Test
    void aWrongSecretIsRefusedCountedAndAuditedAndTheAttemptsRunOut() {
        AttestationKey ak = tpm.createAttestationKey(AkKind.ECC_P256);
        var device = enroll(enrollment(ak)
                .add("ekPublicKey", tpm.endorsementKey(EkKind.RSA_2048).publicPem()));
        String path = DEVICES + "/" + device.getString("id") + "/activation";
        byte[] secret = tpm.activateCredential(ak, Base64.getDecoder().decode(device.getString("credential")));
        byte[] wrong = secret.clone();
        wrong[0] ^= 1;

        var first = operator.postJson(path, activation(wrong));

        assertProblem(first, 400, "activation-secret-mismatch");
        assertTrue(json(first).getString("detail").contains("4 attempt(s) left"), first.body());
        for (int i = 0; i < 4; i++) {
            assertEquals(400, operator.postJson(path, activation(wrong)).statusCode());
        }
        assertProblem(operator.postJson(path, activation(secret)), 409, "activation-attempts-exhausted");
        assertEquals(
                "PENDING_ACTIVATION",
                json(operator.get(DEVICES + "/" + device.getString("id"))).getString("status"));
        var failures = HardwareCalls.auditEvents(TENANT.admin(), "device", device.getString("id")).stream()
                .filter(e -> e.getString("action").equals("device.activation-failed"))
                .toList();
        assertEquals(6, failures.size());
        assertFalse(failures.toString().contains(base64(secret)), "the secret is never recorded");
    }

    @Test
    void anotherTenantsDevicesAreNotFound() {
        AttestationKey ak = tpm.createAttestationKey(AkKind.ECC_P256);
        var device = enroll(enrollment(ak)
                .add("ekPublicKey", tpm.endorsementKey(EkKind.RSA_2048).publicPem()));
        String path = DEVICES + "/" + device.getString("id");
        ApiClient stranger = OTHER.admin();

        assertProblem(stranger.get(path), 404, "not-found");
        assertProblem(stranger.postJson(path + "/activation", activation(new byte[32])), 404, "not-found");
        assertProblem(stranger.delete(path, null), 404, "not-found");
        assertTrue(json(stranger.get(DEVICES)).getJsonArray("items").isEmpty());
        assertEquals("PENDING_ACTIVATION", json(operator.get(path)).getString("status"));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndLeavesNothingBehind() {
        var fresh = TestTenant.create("devices-it-bad");
        AttestationKey ak = tpm.createAttestationKey(AkKind.ECC_P256);
        var ek = tpm.endorsementKey(EkKind.RSA_2048);
        var body = Json.createObjectBuilder()
                .add("ekPublicArea", base64(ek.publicArea()))
                .add("ekCertificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")
                .add("akPublicArea", base64(ek.publicArea()));

        var response = fresh.admin().postJson(DEVICES, body.build().toString());

        var problem = assertProblem(response, 400, "validation");
        var fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
        assertEquals(List.of("ekCertificate", "akPublicArea"), fields);
        var truncated = Json.createObjectBuilder()
                .add("ekPublicKey", ek.publicPem())
                .add("akPublicArea", base64(java.util.Arrays.copyOf(ak.publicArea(), 40)));
        assertProblem(fresh.admin().postJson(DEVICES, truncated.build().toString()), 400, "validation");
        assertProblem(fresh.admin().postJson(DEVICES, "{}"), 400, "validation");
        assertTrue(json(fresh.admin().get(DEVICES)).getJsonArray("items").isEmpty(), "nothing enrolled");
    }

    @Test
    void anAkIsEnrolledOnceUntilItsDeviceIsRetired() {
        AttestationKey ak = tpm.createAttestationKey(AkKind.ECC_P256);
        var body = enrollment(ak)
                .add("ekPublicKey", tpm.endorsementKey(EkKind.RSA_2048).publicPem())
                .build()
                .toString();
        var first = json(operator.postJson(DEVICES, body));

        assertProblem(operator.postJson(DEVICES, body), 409, "conflict");
        assertEquals(
                204,
                operator.delete(DEVICES + "/" + first.getString("id"), null).statusCode());
        assertEquals(
                "RETIRED",
                json(operator.get(DEVICES + "/" + first.getString("id"))).getString("status"));
        assertProblem(
                operator.postJson(DEVICES + "/" + first.getString("id") + "/activation", activation(new byte[32])),
                409,
                "device-not-pending");
        assertEquals(201, operator.postJson(DEVICES, body).statusCode(), "enrolled again after retirement");
        assertTrue(HardwareCalls.auditEvents(TENANT.admin(), "device", first.getString("id")).stream()
                .anyMatch(e -> e.getString("action").equals("device.retired")));
    }

    @Test
    void listsDevicesPageByPageAndLetsAuditorsRead() {
        var lister = TestTenant.create("devices-it-list");
        String password = TestTenant.newPassword();
        lister.createUser("auditor", password, "AUDITOR");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            AttestationKey ak = tpm.createAttestationKey(AkKind.ECC_P256);
            var created = lister.admin()
                    .postJson(
                            DEVICES,
                            enrollment(ak)
                                    .add(
                                            "ekPublicKey",
                                            tpm.endorsementKey(EkKind.RSA_2048).publicPem())
                                    .build()
                                    .toString());
            ids.add(json(created).getString("id"));
        }
        ApiClient auditor = ApiClient.withToken(lister.accessToken("auditor", password));

        var seen = new ArrayList<String>();
        String next = DEVICES + "?limit=2";
        while (next != null) {
            var page = json(auditor.get(next));
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(d -> seen.add(d.getString("id")));
            next = page.isNull("next") ? null : page.getString("next");
        }

        assertEquals(ids, seen);
        assertEquals(403, auditor.postJson(DEVICES, "{}").statusCode());
    }

    @Test
    void aPolicyThatTrustsEkCasAdmitsOnlyEksCertifiedByThem() {
        var strict = TestTenant.create("devices-it-strict");
        var cas = Json.createArrayBuilder();
        tpm.endorsementCaCertificates().forEach(cas::add);
        var policy = Json.createObjectBuilder()
                .add("name", "certified")
                .add("pcrSelection", "sha256:0-7")
                .add("trustedEkCas", cas);
        assertEquals(
                201,
                strict.admin()
                        .postJson(HardwareCalls.POLICIES, policy.build().toString())
                        .statusCode());
        AttestationKey ak = tpm.createAttestationKey(AkKind.ECC_P256);
        var ek = tpm.endorsementKey(EkKind.RSA_2048);

        var certified = enrollment(ak).add("policy", "certified").add("ekCertificate", base64(ek.certificate()));
        assertEquals(
                201,
                strict.admin().postJson(DEVICES, certified.build().toString()).statusCode());

        AttestationKey another = tpm.createAttestationKey(AkKind.ECC_P256);
        var keyOnly = enrollment(another).add("policy", "certified").add("ekPublicKey", ek.publicPem());
        var refused =
                assertProblem(strict.admin().postJson(DEVICES, keyOnly.build().toString()), 400, "validation");
        assertEquals(
                "ekCertificate", refused.getJsonArray("errors").getJsonObject(0).getString("field"));
        try (var foreignMaker = SoftwareTpm.start()) {
            var foreignAk = foreignMaker.createAttestationKey(AkKind.ECC_P256);
            var foreign = enrollment(foreignAk)
                    .add("policy", "certified")
                    .add(
                            "ekCertificate",
                            base64(foreignMaker.endorsementKey(EkKind.RSA_2048).certificate()));
            var untrusted = assertProblem(
                    strict.admin().postJson(DEVICES, foreign.build().toString()), 400, "validation");
            assertTrue(
                    untrusted
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("message")
                            .contains("does not chain"),
                    untrusted.toString());
        }
        assertProblem(
                strict.admin()
                        .postJson(
                                DEVICES,
                                enrollment(another)
                                        .add("policy", "nope")
                                        .add("ekPublicKey", ek.publicPem())
                                        .build()
                                        .toString()),
                400,
                "validation");
    }

    private static JsonObjectBuilder enrollment(AttestationKey ak) {
        return Json.createObjectBuilder().add("akPublicArea", base64(ak.publicArea()));
    }

    private static JsonObject enroll(JsonObjectBuilder body) {
        var response = operator.postJson(DEVICES, body.build().toString());
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    private static JsonObject assertProblem(HttpResponse<String> response, int status, String slug) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        var problem = json(response);
        assertEquals("https://lotabots.io/problems/" + slug, problem.getString("type"), response.body());
        return problem;
    }
}
