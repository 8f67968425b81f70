package io.lotabots.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.model.ModelUploads;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Model attestation through the API against the real server, PostgreSQL, S3 and the queue: stored models
 * scanned, their model_signing signatures checked against a policy's trusted key, held in a concurrent-jobs
 * slot until their verdict, confined to their tenant and to the roles that may attest.
 */
class ModelAttestationIT {

    static final String SUBMIT = "/api/v1/attestations/models";

    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void tenant() {
        AttestationApi.awaitApplication();
        tenant = TestTenant.create("model-attest");
        admin = tenant.admin();
    }

    @Test
    void aBenignSafetensorsModelIsVerifiedWithAWarningSinceNothingSignedIt() {
        String modelId = upload(admin, ModelUploads.form().name("benign").file("model.safetensors", safetensors()));

        var result = AttestationApi.awaitVerdict(admin, accepted(submit(admin, modelId, null)));

        assertEquals("VERIFIED", result.getString("status"), result.toString());
        assertEquals("MODEL", result.getString("type"));
        assertEquals("WARNING", result.getString("verdict"), "passes, but no valid signature");
        JsonObject claims = result.getJsonObject("claims");
        assertEquals(modelId, claims.getString("modelId"));
        assertEquals("safe", claims.getString("verdict"));
        assertEquals("absent", claims.getJsonObject("signature").getString("status"));
        assertEquals(JsonValue.NULL, claims.getJsonObject("signature").get("signer"));
        assertEquals("default", claims.getJsonObject("policy").getString("name"));
        assertTrue(claims.getJsonArray("findings").isEmpty(), claims.toString());
        // model_signing's root digest of a one-file model: SHA-256 over that file's digest
        assertEquals(hex(sha256(sha256(safetensors()))), claims.getString("rootDigest"));
        assertAllocationReleased(result.getString("id"));
    }

    @Test
    void aPickleThatCallsOsSystemIsRejectedWithAnUnsafeFindingNamingIt() {
        // PROTO 2, GLOBAL os system, BINUNICODE "id", TUPLE1, REDUCE, STOP: pickle.loads would run `id`
        var pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2, 'c'});
        pickle.writeBytes("os\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        pickle.writeBytes(new byte[] {'X', 2, 0, 0, 0, 'i', 'd', (byte) 0x85, 'R', '.'});
        String modelId = upload(admin, ModelUploads.form().name("evil").file("model.pkl", pickle.toByteArray()));

        var result = AttestationApi.awaitVerdict(admin, accepted(submit(admin, modelId, "default")));

        assertEquals("REJECTED", result.getString("status"), result.toString());
        assertEquals("CONTRAINDICATED", result.getString("verdict"));
        JsonObject claims = result.getJsonObject("claims");
        assertEquals("unsafe", claims.getString("verdict"));
        assertTrue(
                claims.getJsonArray("findings").getValuesAs(JsonObject.class).stream()
                        .anyMatch(f -> "os.system".equals(f.getString("global", null))
                                && "unsafe".equals(f.getString("severity"))
                                && "model.pkl".equals(f.getString("file"))),
                claims.toString());
        assertTrue(result.getJsonArray("reasons").toString().contains("MODEL_UNSAFE"), result.toString());
        assertAllocationReleased(result.getString("id"));
    }

    @Test
    void aSignedDirectoryIsAffirmedUnderAPolicyTrustingItsKeyAndAChangedFileMakesTheSignatureInvalid()
            throws Exception {
        KeyPair key = p256();
        String policy = "signed-" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.postJson(
                ModelPoliciesIT.POLICIES,
                Json.createObjectBuilder()
                        .add("name", policy)
                        .add("trustedKeys", Json.createArrayBuilder().add(pem(key)))
                        .add("signatureRequired", true)
                        .build()
                        .toString());
        assertEquals(201, created.statusCode(), created.body());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("config.json", "{\"architectures\":[\"Tiny\"]}".getBytes(StandardCharsets.UTF_8));
        files.put("model.safetensors", safetensors());
        byte[] signature = modelSig(files, key);

        String signed = upload(admin, ModelUploads.form().name("signed").archive(zip(files, signature)));
        var good = AttestationApi.awaitVerdict(admin, accepted(submit(admin, signed, policy)));

        assertEquals("VERIFIED", good.getString("status"), good.toString());
        assertEquals("AFFIRMING", good.getString("verdict"));
        JsonObject sig = good.getJsonObject("claims").getJsonObject("signature");
        assertEquals("valid", sig.getString("status"), good.toString());
        assertEquals("key", sig.getJsonObject("signer").getString("method"), sig.toString());
        assertEquals(
                policy, good.getJsonObject("claims").getJsonObject("policy").getString("name"));

        files.put("config.json", "{\"architectures\":[\"Changed\"]}".getBytes(StandardCharsets.UTF_8));
        String changed = upload(admin, ModelUploads.form().name("changed").archive(zip(files, signature)));
        var bad = AttestationApi.awaitVerdict(admin, accepted(submit(admin, changed, policy)));

        assertEquals("REJECTED", bad.getString("status"), bad.toString());
        JsonObject badClaims = bad.getJsonObject("claims");
        assertEquals("invalid", badClaims.getJsonObject("signature").getString("status"), bad.toString());
        assertTrue(
                badClaims.getJsonArray("findings").getValuesAs(JsonObject.class).stream()
                        .anyMatch(f -> "config.json".equals(f.getString("file"))),
                "a finding names the changed file: " + badClaims);
        assertTrue(bad.getJsonArray("reasons").toString().contains("SIGNATURE_REQUIRED"), bad.toString());

        // the unsigned model under the same policy: no signature, so the policy fails
        String unsigned = upload(admin, ModelUploads.form().name("unsigned").file("model.safetensors", safetensors()));
        var none = AttestationApi.awaitVerdict(admin, accepted(submit(admin, unsigned, policy)));
        assertEquals("REJECTED", none.getString("status"), none.toString());
        assertEquals(
                "absent",
                none.getJsonObject("claims").getJsonObject("signature").getString("status"));
    }

    @Test
    void aTenantRunningItsMostJobsIsRefused409NamingTheQuotaAndNothingIsStored() {
        var own = TestTenant.create("model-quota");
        ApiClient ownAdmin = own.admin();
        String modelId = upload(ownAdmin, ModelUploads.form().name("m").file("model.safetensors", safetensors()));
        setQuota(ownAdmin, 1);
        // a job in flight, as far as the quota can tell: an active allocation of another job
        UUID inFlight = UUID.randomUUID();
        UUID allocation = UUID.randomUUID();
        sql(
                "insert into lotabots.resource_allocation (id, tenant_id, job_id, status, allocated_at,"
                        + " lease_expires_at, slot_no) values (?, ?, ?, 'ACTIVE', now(), now() + interval '10 minutes', 0)",
                allocation,
                own.id(),
                inFlight);
        sql(
                "insert into lotabots.resource_slot (tenant_id, slot_no, allocation_id) values (?, 0, ?)",
                own.id(),
                allocation);
        long rowsBefore = AttestationApi.rows(own.id());

        var refused = submit(ownAdmin, modelId, null);

        assertEquals(409, refused.statusCode(), refused.body());
        JsonObject problem = ApiClient.json(refused);
        assertEquals("concurrent-jobs", problem.getString("quota"), problem.toString());
        assertEquals(1, problem.getInt("limit"));
        assertEquals(rowsBefore, AttestationApi.rows(own.id()), "no job stored");

        sql(
                "update lotabots.resource_allocation set status = 'RELEASED', released_at = now(), cpu_millis = 0"
                        + " where job_id = ?",
                inFlight);
        sql("update lotabots.resource_slot set allocation_id = null where allocation_id = ?", allocation);
        var result = AttestationApi.awaitVerdict(ownAdmin, accepted(submit(ownAdmin, modelId, null)));
        assertEquals("VERIFIED", result.getString("status"), result.toString());
        assertAllocationReleased(result.getString("id"));
    }

    @Test
    void anotherTenantsModelUnknownModelsAndUnknownPoliciesAreRefusedNamingTheField() {
        var other = TestTenant.create("model-other");
        String foreign = upload(other.admin(), ModelUploads.form().name("x").file("model.safetensors", safetensors()));
        long rowsBefore = AttestationApi.rows(tenant.id());

        for (String id : List.of(foreign, UUID.randomUUID().toString())) {
            var refused = submit(admin, id, null);
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"modelId\""), refused.body());
            assertTrue(!refused.body().contains(other.name()), "nothing of the other tenant shows");
        }
        String mine = upload(admin, ModelUploads.form().name("y").file("model.safetensors", safetensors()));
        var unknownPolicy = submit(admin, mine, "no-such-policy");
        assertEquals(400, unknownPolicy.statusCode(), unknownPolicy.body());
        assertTrue(unknownPolicy.body().contains("\"policy\""), unknownPolicy.body());
        var notUuid = submit(admin, "not-a-uuid", null);
        assertEquals(400, notUuid.statusCode(), notUuid.body());
        assertTrue(notUuid.body().contains("\"modelId\""), notUuid.body());
        assertEquals(rowsBefore, AttestationApi.rows(tenant.id()), "nothing stored");

        // the other tenant does not see this tenant's result either
        var location = accepted(submit(admin, mine, null));
        assertEquals(404, other.admin().get(location).statusCode());
    }

    @Test
    void operatorsAndDevelopersAttestModelsReadersDoNot() {
        String modelId = upload(admin, ModelUploads.form().name("roles").file("model.safetensors", safetensors()));
        for (String role : List.of("OPERATOR", "DEVELOPER")) {
            var user = tenant.userWithRoles(role).login();
            assertEquals(202, submit(user, modelId, null).statusCode(), role);
        }
        for (String role : List.of("AUDITOR", "COMPLIANCE_OFFICER")) {
            var user = tenant.userWithRoles(role).login();
            assertEquals(403, submit(user, modelId, null).statusCode(), role);
        }
        assertEquals(
                401,
                new ApiClient()
                        .postJson(SUBMIT, "{\"modelId\":\"" + modelId + "\"}")
                        .statusCode());
    }

    static HttpResponse<String> submit(ApiClient api, String modelId, String policy) {
        var body = Json.createObjectBuilder().add("modelId", modelId);
        if (policy != null) {
            body.add("policy", policy);
        }
        return api.postJson(SUBMIT, body.build().toString());
    }

    static String accepted(HttpResponse<String> response) {
        return AttestationApi.accepted(response);
    }

    static String upload(ApiClient api, ModelUploads form) {
        var response = form.send(api);
        assertEquals(201, response.statusCode(), response.body());
        return ApiClient.json(response).getString("id");
    }

    private static void setQuota(ApiClient admin, int concurrentJobs) {
        var response = admin.putJson(
                "/api/v1/resources/quotas",
                "{\"storedModelBytes\": 1000000000, \"concurrentJobs\": " + concurrentJobs
                        + ", \"cpuSecondsPerDay\": 86400}",
                null);
        assertEquals(200, response.statusCode(), response.body());
    }

    private static void assertAllocationReleased(String jobId) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement(
                        "select status, released_at is not null from lotabots.resource_allocation where job_id = ?")) {
            q.setObject(1, UUID.fromString(jobId));
            try (var rs = q.executeQuery()) {
                assertTrue(rs.next(), "job " + jobId + " took an allocation");
                assertEquals("RELEASED", rs.getString(1));
                assertTrue(rs.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(String sql, Object... parameters) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            q.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid safetensors file: one F32 tensor of two elements, header padded to eight bytes. */
    static byte[] safetensors() {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        while (header.length() % 8 != 0) {
            header += " ";
        }
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        var buffer = ByteBuffer.allocate(8 + json.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length).put(json).putFloat(1.5f).putFloat(-2.0f);
        return buffer.array();
    }

    private static byte[] zip(Map<String, byte[]> files, byte[] signature) {
        List<Object> entries = new ArrayList<>();
        files.forEach((name, bytes) -> {
            entries.add(name);
            entries.add(bytes);
        });
        entries.add("model.sig");
        entries.add(signature);
        return ModelUploads.zip(entries.toArray());
    }

    /**
     * model.sig as model_signing 1.x writes it with a key (model-formats.md §3): an in-toto statement over the
     * files' digests in path order, signed over its DSSE PAE, in a Sigstore bundle v0.3 with the key's DER.
     */
    static byte[] modelSig(Map<String, byte[]> files, KeyPair key) throws Exception {
        JsonArrayBuilder resources = Json.createArrayBuilder();
        var concatenated = new ByteArrayOutputStream();
        for (String path : files.keySet().stream().sorted().toList()) {
            byte[] digest = sha256(files.get(path));
            concatenated.writeBytes(digest);
            resources.add(Json.createObjectBuilder()
                    .add("name", path)
                    .add("algorithm", "sha256")
                    .add("digest", hex(digest)));
        }
        JsonObject statement = Json.createObjectBuilder()
                .add("_type", "https://in-toto.io/Statement/v1")
                .add(
                        "subject",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("name", "model")
                                        .add(
                                                "digest",
                                                Json.createObjectBuilder()
                                                        .add("sha256", hex(sha256(concatenated.toByteArray()))))))
                .add("predicateType", "https://model_signing/signature/v1.0")
                .add(
                        "predicate",
                        Json.createObjectBuilder()
                                .add(
                                        "serialization",
                                        Json.createObjectBuilder()
                                                .add("method", "files")
                                                .add("hash_type", "sha256")
                                                .add("allow_symlinks", false)
                                                .add(
                                                        "ignore_paths",
                                                        Json.createArrayBuilder()
                                                                .add(".git")
                                                                .add("model.sig")
                                                                .add(".gitattributes")
                                                                .add(".gitignore")
                                                                .add(".github")))
                                .add("resources", resources))
                .build();
        byte[] payload = statement.toString().getBytes(StandardCharsets.UTF_8);
        String payloadType = "application/vnd.in-toto+json";
        var pae = new ByteArrayOutputStream();
        pae.writeBytes(("DSSEv1 " + payloadType.length() + " " + payloadType + " " + payload.length + " ")
                .getBytes(StandardCharsets.US_ASCII));
        pae.writeBytes(payload);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(pae.toByteArray());
        byte[] sig = signer.sign();
        var b64 = Base64.getEncoder();
        return Json.createObjectBuilder()
                .add("mediaType", "application/vnd.dev.sigstore.bundle.v0.3+json")
                .add(
                        "verificationMaterial",
                        Json.createObjectBuilder()
                                .add(
                                        "publicKey",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "rawBytes",
                                                        b64.encodeToString(
                                                                key.getPublic().getEncoded()))
                                                .add("keyDetails", "PKIX_ECDSA_P256_SHA_256"))
                                .add("tlogEntries", Json.createArrayBuilder()))
                .add(
                        "dsseEnvelope",
                        Json.createObjectBuilder()
                                .add("payload", b64.encodeToString(payload))
                                .add("payloadType", payloadType)
                                .add(
                                        "signatures",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("sig", b64.encodeToString(sig))
                                                        .add("keyid", ""))))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair p256() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
