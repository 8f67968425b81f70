package io.lotabots.audit;

import static io.lotabots.audit.AuditApi.events;
import static io.lotabots.audit.AuditApi.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event list: what a login leaves behind, filters, paging, and who may read it. */
class AuditEventsIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> GHOSTS =
            List.of(0, 1, 2, 3, 4).stream().map(i -> "ghost-" + RUN + "-" + i).toList();
    private static TestUser auditors;
    private static ApiClient auditor;

    @BeforeAll
    static void tenantWithFiveFailedLogins() {
        auditors = TestTenant.create("audit-events").userWithRoles("AUDITOR");
        for (String ghost : GHOSTS) {
            assertEquals(
                    401,
                    AuditApi.login(auditors.tenant().name(), ghost, "wrong-password-" + RUN, "ua-" + ghost)
                            .statusCode());
        }
        auditor = auditors.login();
    }

    @Test
    void aLoginIsRecordedWithTheCallersAddressAndUserAgent() {
        var userAgent = "audit-it/" + UUID.randomUUID();
        var clientAddress = "203.0.113." + (1 + new java.util.Random().nextInt(254));
        assertEquals(
                200,
                AuditApi.login(
                                auditors.tenant().name(),
                                auditors.username(),
                                auditors.password(),
                                userAgent,
                                clientAddress)
                        .statusCode());

        var event = only(events(auditor, Map.of("action", "auth.login.succeeded", "limit", "200"))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(e -> userAgent.equals(e.getString("userAgent", null)))
                .toList());

        assertEquals(auditors.id().toString(), event.getString("actor"));
        assertEquals(auditors.username(), event.getString("actorName"));
        assertEquals("SUCCESS", event.getString("outcome"));
        assertEquals("user", event.getString("targetType"));
        assertEquals(auditors.id().toString(), event.getString("targetId"));
        assertEquals(auditors.tenant().id().toString(), event.getString("tenantId"));
        assertEquals(clientAddress, event.getString("sourceIp"), "the client's address behind the trusted proxy");
        assertNotNull(event.getJsonObject("details").getString("sessionId"));
    }

    @Test
    void aFailedLoginNamesTheAttemptedUsernameAndWhyButNeverThePassword() {
        var event = only(items(events(auditor, Map.of("actor", GHOSTS.get(2)))));

        assertEquals("auth.login.failed", event.getString("action"));
        assertEquals("FAILURE", event.getString("outcome"));
        assertEquals("unknown-user", event.getJsonObject("details").getString("reason"));
        assertEquals("ua-" + GHOSTS.get(2), event.getString("userAgent"));
        assertFalse(event.toString().contains("wrong-password-" + RUN), "the password is never recorded");
    }

    @Test
    void pagesThroughFilteredEventsNewestFirstWithAnOpaqueCursor() {
        var seen = new ArrayList<String>();
        var page = events(auditor, Map.of("action", "auth.login.failed", "limit", "2"));
        int pages = 1;
        while (true) {
            items(page).forEach(e -> seen.add(e.getString("actor")));
            assertTrue(items(page).size() <= 2);
            if (page.isNull("next")) {
                break;
            }
            page = ApiClient.json(auditor.get(page.getString("next")));
            pages++;
        }

        var newestFirst = new ArrayList<>(GHOSTS);
        Collections.reverse(newestFirst);
        assertEquals(3, pages);
        assertEquals(newestFirst, seen);
    }

    @Test
    void filtersByOutcomeTargetAndTimeRange() {
        assertEquals(5, items(events(auditor, Map.of("outcome", "FAILURE"))).size());
        var ownLogins = items(events(
                auditor, Map.of("targetType", "user", "targetId", auditors.id().toString(), "outcome", "SUCCESS")));
        assertFalse(ownLogins.isEmpty());
        ownLogins.forEach(e -> assertEquals("auth.login.succeeded", e.getString("action")));
        var logins = items(events(
                auditor,
                Map.of(
                        "action",
                        "auth.login.*",
                        "to",
                        Instant.now().plusSeconds(60).toString())));
        assertTrue(logins.size() >= 6, "five failed logins and at least one that succeeded: " + logins.size());
        assertTrue(items(events(
                        auditor, Map.of("from", Instant.now().plusSeconds(3600).toString())))
                .isEmpty());
        assertTrue(items(events(auditor, Map.of("to", "2020-01-01T00:00:00Z"))).isEmpty());
    }

    @Test
    void anotherTenantsEventsAreInvisible() {
        var others = TestTenant.create("audit-others").userWithRoles("ADMIN").login();

        assertTrue(items(events(others, Map.of("actor", GHOSTS.get(0)))).isEmpty());
        assertTrue(items(events(others, Map.of("action", "auth.login.failed"))).isEmpty());
    }

    @Test
    void rolesOutsideAuditAreForbidden() {
        for (String role : List.of("DEVELOPER", "OPERATOR")) {
            var client = TestTenant.create("audit-" + role.toLowerCase())
                    .userWithRoles(role)
                    .login();

            for (String path : List.of("/api/v1/audit/events", "/api/v1/audit/verification")) {
                var response = client.get(path);
                assertEquals(403, response.statusCode(), role + " " + path);
                assertTrue(response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/problem+json"));
            }
        }
    }

    @Test
    void everyAuditRoleMayRead() {
        assertEquals(
                200,
                TestTenant.create("audit-co")
                        .userWithRoles("COMPLIANCE_OFFICER")
                        .login()
                        .get("/api/v1/audit/events")
                        .statusCode());
        assertEquals(200, ApiClient.asAdmin().get("/api/v1/audit/events").statusCode());
    }

    @Test
    void withoutATokenTheListIsUnauthorized() {
        assertEquals(401, new ApiClient().get("/api/v1/audit/events").statusCode());
    }

    @Test
    void invalidFiltersAreRefusedNamingEachParameter() {
        var bad = new LinkedHashMap<String, String>();
        bad.put("outcome", "MAYBE");
        bad.put("from", "yesterday");
        bad.put("limit", "201");
        bad.put("cursor", "not-a-cursor");
        bad.put("action", "Login Failed");
        bad.put("targetId", "42");

        var response = auditor.get(AuditApi.eventsPath(bad));

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        var fields = ApiClient.json(response).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .sorted()
                .toList();
        assertEquals(List.of("action", "cursor", "from", "limit", "outcome", "targetId"), fields);
    }

    @Test
    void limitsOutsideOneToTwoHundredAndEmptyRangesAreRefused() {
        for (var query : List.of(
                Map.of("limit", "0"),
                Map.of("limit", "abc"),
                Map.of("from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z"))) {
            assertEquals(400, auditor.get(AuditApi.eventsPath(query)).statusCode(), query.toString());
        }
    }

    private static JsonObject only(List<JsonObject> events) {
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }
}
