package io.lotabots.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container (Arquillian): crypto-shredding through the control-level {@code KeyManagement.shred} the
 * privacy erasure calls (looked up by its global name, called by reflection). A tenant made by the platform
 * operator stores evidence; after shredding, its evidence cannot be read (an error, not the bytes), every
 * KEK version is destroyed, another tenant's data still reads, and the tenant's new writes work again
 * under a new KEK.
 */
@ExtendWith(ArquillianExtension.class)
class CryptoShreddingInContainerIT {

    private static final String KEYS =
            "java:global/lotabots/lotabots-ejb/KeyManagement!io.lotabots.platform.encryption.KeyManagement";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "crypto-shredding-it.war")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aShreddedTenantsDataIsUnreadableAndOthersAreNot() throws Exception {
        String operator = token("platform", "operator", "integration-tests-only-Operator-Pass", null);
        String[] shredded = newTenant(operator, "shred");
        UUID tenantId = UUID.fromString(shredded[0]);
        String token = shredded[1];
        String othersToken = newTenant(operator, "kept")[1];
        String mine = submitEvidence(token);
        String others = submitEvidence(othersToken);
        assertEquals(200, send("GET", mine, token, null).statusCode());

        Object keys = new InitialContext().lookup(KEYS);
        long removed = (long) call(keys, "shred", new Class<?>[] {UUID.class, String.class}, tenantId, "it-privacy");
        assertTrue(removed >= 1, "data keys removed: " + removed);

        var gone = send("GET", mine, token, null);
        assertNotEquals(200, gone.statusCode(), gone.body());
        assertFalse(gone.body().contains("\"nonce\""), "no evidence served: " + gone.body());
        List<?> status = (List<?>) call(keys, "status", new Class<?>[] {UUID.class}, tenantId);
        assertFalse(status.isEmpty());
        for (Object version : status) {
            assertEquals("DESTROYED", call(version, "state", new Class<?>[0]));
        }
        assertEquals(200, send("GET", others, othersToken, null).statusCode(), "another tenant is untouched");

        String fresh = submitEvidence(token);
        assertEquals(200, send("GET", fresh, token, null).statusCode(), "new writes work under a new KEK");
        List<?> after = (List<?>) call(keys, "status", new Class<?>[] {UUID.class}, tenantId);
        assertTrue(after.stream().anyMatch(v -> "CURRENT".equals(invoke(v, "state"))), after.toString());
    }

    /** A tenant made by the platform operator: its id and its first administrator's access token. */
    private String[] newTenant(String operator, String prefix) throws Exception {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = send("POST", "/api/v1/platform/tenants", operator, "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        var admin = json(created.body()).getJsonObject("admin");
        String password = "Shred-" + UUID.randomUUID() + "-x9";
        return new String[] {
            json(created.body()).getJsonObject("tenant").getString("id"),
            token(name, admin.getString("username"), admin.getString("oneTimePassword"), password)
        };
    }

    /** Submits meaningless hardware evidence; returns the path of its stored evidence document. */
    private String submitEvidence(String token) throws Exception {
        var nonce = send("POST", "/api/v1/attestations/hardware/nonces", token, "");
        assertEquals(201, nonce.statusCode(), nonce.body());
        String hex = json(nonce.body()).getString("nonce");
        String b64 = java.util.Base64.getEncoder().encodeToString("x".getBytes());
        var submitted = send(
                "POST",
                "/api/v1/attestations/hardware",
                token,
                "{\"nonce\":\"" + hex + "\",\"quote\":\"" + b64 + "\",\"signature\":\"" + b64 + "\",\"pcrs\":\"" + b64
                        + "\",\"akPublicKey\":\"-----BEGIN PUBLIC KEY-----\\nMFkw\\n-----END PUBLIC KEY-----\\n\"}");
        assertEquals(202, submitted.statusCode(), submitted.body());
        return "/api/v1/attestations/" + json(submitted.body()).getString("id") + "/evidence";
    }

    private String token(String tenant, String username, String password, String newPassword) throws Exception {
        String body = "{\"tenant\":\"" + tenant + "\",\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"" + (newPassword == null ? "" : ",\"newPassword\":\"" + newPassword + "\"") + "}";
        var login = send("POST", "/api/v1/auth/login", null, body);
        assertEquals(200, login.statusCode(), login.body());
        return json(login.body()).getString("access_token");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        String root = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        var request = HttpRequest.newBuilder(URI.create(root + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static jakarta.json.JsonObject json(String body) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            return reader.readObject();
        }
    }

    private static Object invoke(Object target, String name) {
        try {
            return call(target, name, new Class<?>[0]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object call(Object target, String name, Class<?>[] types, Object... arguments) throws Exception {
        Method method = target.getClass().getMethod(name, types);
        method.setAccessible(true);
        try {
            return method.invoke(target, arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError(name + " failed", e.getCause());
        }
    }
}
