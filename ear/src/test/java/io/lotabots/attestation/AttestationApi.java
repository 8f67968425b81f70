package io.lotabots.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/** The hardware attestation API as the tests call it, and what they look up in the database. */
final class AttestationApi {

    static final String NONCES = "/api/v1/attestations/hardware/nonces";
    static final String SUBMIT = "/api/v1/attestations/hardware";
    private static final Set<String> FINAL = Set.of("VERIFIED", "REJECTED", "FAILED");

    private AttestationApi() {}

    /** Waits for the application itself (not just the server) to answer: a loaded machine starts it late. */
    static void awaitApplication() {
        Eventually.await(
                Duration.ofSeconds(120),
                () -> new ApiClient().get("/.well-known/jwks.json").statusCode(),
                status -> status == 200,
                "the application to start");
    }

    static byte[] nonce(ApiClient api) {
        var response = api.postJson(NONCES, "");
        assertEquals(201, response.statusCode(), response.body());
        return HexFormat.of().parseHex(ApiClient.json(response).getString("nonce"));
    }

    /** Evidence of the right form and no meaning: accepted, then rejected as malformed. */
    static JsonObjectBuilder meaninglessEvidence(byte[] nonce) {
        return Json.createObjectBuilder()
                .add("nonce", HexFormat.of().formatHex(nonce))
                .add("quote", base64Text("quote"))
                .add("signature", base64Text("signature"))
                .add("pcrs", base64Text("pcrs"))
                .add("akPublicKey", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n");
    }

    private static String base64Text(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> submit(ApiClient api, JsonObject body) {
        return api.postJson(SUBMIT, body.toString());
    }

    static HttpResponse<String> submit(ApiClient api, Multipart form) {
        return api.send(HttpRequest.newBuilder(ApiClient.uri(SUBMIT))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
    }

    /** The location of an accepted submission; fails unless it was a 202. */
    static String accepted(HttpResponse<String> response) {
        assertEquals(202, response.statusCode(), response.body());
        var body = ApiClient.json(response);
        assertEquals("PENDING", body.getString("status"));
        String location = response.headers().firstValue("Location").orElseThrow();
        assertEquals(ApiClient.uri("/api/v1/attestations/" + body.getString("id")), ApiClient.uri(location));
        return location;
    }

    /** Polls until the attestation is VERIFIED, REJECTED or FAILED. */
    static JsonObject awaitVerdict(ApiClient api, String location) {
        return Eventually.await(
                Duration.ofSeconds(60),
                () -> {
                    var response = api.get(location);
                    assertEquals(200, response.statusCode(), response.body());
                    return ApiClient.json(response);
                },
                a -> FINAL.contains(a.getString("status")),
                "attestation " + location + " to be final");
    }

    static long rows(UUID tenantId) {
        return count("select count(*) from lotabots.attestation where tenant_id = ?", tenantId);
    }

    static long auditEvents(UUID tenantId, String action) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement(
                        "select count(*) from lotabots.audit_event where tenant_id = ? and action = ?")) {
            q.setObject(1, tenantId);
            q.setString(2, action);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, UUID tenantId) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement(sql)) {
            q.setObject(1, tenantId);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
