package io.lotabots.audit;

import static io.lotabots.audit.AuditApi.events;
import static io.lotabots.audit.AuditApi.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.SQLException;
import java.text.ParseException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What identity writes to the audit trail: refreshes, refresh-token reuse, logouts, failed logins
 * to unknown tenants (key rotation: SigningKeyAuditTest, the key file outlives a test database).
 */
class IdentityEventsIT {

    private static final String PLATFORM = "00000000-0000-0000-0000-000000000000";

    private final TestUser auditor = TestTenant.create("identity-events").userWithRoles("AUDITOR");

    @Test
    void refreshAndItsReuseAreRecordedAgainstTheSession() throws ParseException {
        var first = ApiClient.login(auditor.tenant().name(), auditor.username(), auditor.password());
        String session = sessionOf(first);
        assertEquals(200, refresh(first.getString("refresh_token")));
        assertEquals(401, refresh(first.getString("refresh_token")));

        var byAction = items(events(auditor.login(), Map.of("targetType", "session", "targetId", session))).stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getString("action"), e -> e));

        assertEquals("SUCCESS", byAction.get("auth.token.refreshed").getString("outcome"));
        var reuse = byAction.get("auth.refresh.reused");
        assertEquals("DENIED", reuse.getString("outcome"));
        assertTrue(reuse.getJsonObject("details").getBoolean("sessionRevoked"));
        assertEquals(auditor.id().toString(), reuse.getString("actor"));
    }

    @Test
    void aLogoutIsAttributedToTheCallerOfTheRequest() throws ParseException {
        var tokens = ApiClient.login(auditor.tenant().name(), auditor.username(), auditor.password());
        var client = ApiClient.withToken(tokens.getString("access_token"));
        assertEquals(
                204,
                client.send(HttpRequest.newBuilder(ApiClient.uri("/api/v1/auth/logout"))
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode());

        var logout = items(events(
                        auditor.login(),
                        Map.of("action", "auth.logout", "targetType", "session", "targetId", sessionOf(tokens))))
                .get(0);

        assertEquals(auditor.id().toString(), logout.getString("actor"));
        assertEquals(auditor.username(), logout.getString("actorName"));
    }

    @Test
    void aLoginToAnUnknownTenantGoesToThePlatformChain() throws SQLException {
        var tenant = "no-such-tenant-" + UUID.randomUUID();
        assertEquals(
                401,
                AuditApi.login(tenant, "someone", "whatever-password", "identity-events-it")
                        .statusCode());

        try (var db = new DevServicesReport().database();
                var query = db.prepareStatement("select tenant_id, actor, details->>'reason' from lotabots.audit_event"
                        + " where action = 'auth.login.failed' and details->>'tenant' = ?")) {
            query.setString(1, tenant);
            try (var row = query.executeQuery()) {
                assertTrue(row.next(), "recorded");
                assertEquals(PLATFORM, row.getString(1));
                assertEquals("someone", row.getString(2));
                assertEquals("unknown-tenant", row.getString(3));
            }
        }
    }

    @Test
    void anAuditorSeesNoPlatformEvents() {
        assertTrue(
                items(events(auditor.login(), Map.of("action", "keys.rotated"))).isEmpty());
    }

    private static String sessionOf(JsonObject tokens) throws ParseException {
        return SignedJWT.parse(tokens.getString("access_token"))
                .getJWTClaimsSet()
                .getStringClaim("sid");
    }

    private static int refresh(String refreshToken) {
        return new ApiClient()
                .postJson(
                        "/api/v1/auth/refresh",
                        Json.createObjectBuilder()
                                .add("refresh_token", refreshToken)
                                .build()
                                .toString())
                .statusCode();
    }
}
