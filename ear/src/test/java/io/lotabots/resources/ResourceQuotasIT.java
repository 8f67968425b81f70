package io.lotabots.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quotas through the API: defaults, reads by every role, versioned changes by administrators and the platform operator. */
class ResourceQuotasIT {

    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void tenant() {
        tenant = TestTenant.create("quotas");
        admin = tenant.admin();
    }

    @Test
    void aNewTenantHasTheConfiguredDefaultsAndEveryRoleReadsThemWithUsage() {
        var fresh = TestTenant.create("quota-defaults");
        for (String role : List.of("ADMIN", "OPERATOR", "DEVELOPER", "AUDITOR", "COMPLIANCE_OFFICER")) {
            var response = fresh.userWithRoles(role).login().get(Quotas.QUOTAS);

            assertEquals(200, response.statusCode(), role + ": " + response.body());
            assertEquals("\"0\"", response.headers().firstValue("ETag").orElseThrow());
            JsonObject quotas = ApiClient.json(response);
            assertFalse(quotas.getBoolean("custom"));
            assertEquals(fresh.id().toString(), quotas.getString("tenantId"));
            JsonObject limits = quotas.getJsonObject("limits");
            assertEquals(107374182400L, limits.getJsonNumber("storedModelBytes").longValue());
            assertEquals(4, limits.getInt("concurrentJobs"));
            assertEquals(86400, limits.getInt("cpuSecondsPerDay"));
            JsonObject usage = quotas.getJsonObject("usage");
            assertEquals(0, usage.getJsonNumber("storedModelBytes").longValue());
            assertEquals(0, usage.getInt("concurrentJobs"));
            assertTrue(quotas.getString("cpuDayEndsAt").endsWith("T00:00:00Z"), quotas.toString());
        }
    }

    @Test
    void anAdministratorChangesTheQuotasVersionByVersionAndEachChangeIsAudited() {
        var first = admin.putJson(Quotas.QUOTAS, Quotas.body(1_000_000, 2, 3600), null);
        assertEquals(200, first.statusCode(), first.body());
        String tag = ApiClient.etag(first);
        JsonObject quotas = ApiClient.json(first);
        assertTrue(quotas.getBoolean("custom"));
        assertEquals(
                1_000_000,
                quotas.getJsonObject("limits").getJsonNumber("storedModelBytes").longValue());
        assertEquals(tenant.adminId().toString(), quotas.getString("updatedBy"));

        var stale = admin.putJson(Quotas.QUOTAS, Quotas.body(5, 5, 5), "\"0\"");
        assertEquals(412, stale.statusCode(), stale.body());
        assertEquals(tag, ApiClient.etag(stale));

        var second = admin.putJson(Quotas.QUOTAS, Quotas.body(2_000_000, 3, 7200), tag);
        assertEquals(200, second.statusCode(), second.body());
        assertFalse(tag.equals(ApiClient.etag(second)));
        assertEquals(
                ApiClient.etag(second),
                admin.get(Quotas.QUOTAS).headers().firstValue("ETag").orElseThrow());

        String[] event = Quotas.latestEvent(tenant.id(), "resources.quota.changed");
        assertEquals(tenant.adminId().toString(), event[0]);
        assertEquals("admin", event[1]);
        assertEquals("SUCCESS", event[2]);
        assertTrue(
                event[3].contains("\"storedModelBytes\": 1000000")
                        && event[3].contains("\"storedModelBytes\": 2000000"),
                event[3]);
    }

    @Test
    void invalidLimitsAreRefusedNamingEachFieldAndChangeNothing() {
        var quotaTenant = TestTenant.create("quota-invalid");
        var api = quotaTenant.admin();
        long events = Quotas.events(quotaTenant.id(), "resources.quota.changed");

        var response =
                api.putJson(Quotas.QUOTAS, "{\"storedModelBytes\": -1, \"cpuSecondsPerDay\": 99999999999}", null);

        assertEquals(400, response.statusCode(), response.body());
        var fields = ApiClient.json(response).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
        assertEquals(List.of("storedModelBytes", "concurrentJobs", "cpuSecondsPerDay"), fields);
        assertFalse(ApiClient.json(api.get(Quotas.QUOTAS)).getBoolean("custom"));
        assertEquals(events, Quotas.events(quotaTenant.id(), "resources.quota.changed"));
        assertEquals(
                400,
                api.putJson(
                                Quotas.QUOTAS,
                                "{\"storedModelBytes\": 1.5, \"concurrentJobs\": 1," + " \"cpuSecondsPerDay\": 1}",
                                null)
                        .statusCode());
    }

    @Test
    void onlyAdministratorsOfTheTenantChangeItsQuotas() {
        for (String role : List.of("OPERATOR", "DEVELOPER", "AUDITOR", "COMPLIANCE_OFFICER")) {
            var response = tenant.userWithRoles(role).login().putJson(Quotas.QUOTAS, Quotas.body(1, 1, 1), null);
            assertEquals(403, response.statusCode(), role + ": " + response.body());
        }
        assertEquals(403, admin.get(Quotas.platformPath(tenant.id())).statusCode());
        assertEquals(
                403,
                admin.putJson(Quotas.platformPath(tenant.id()), Quotas.body(1, 1, 1), null)
                        .statusCode());
    }

    @Test
    void thePlatformOperatorReadsAndSetsAnyTenantsQuotasAuditedOnBothChains() {
        var customer = TestTenant.createdByOperator("quota-operator");
        var operator = ApiClient.asPlatformOperator();

        var read = operator.get(Quotas.platformPath(customer.id()));
        assertEquals(200, read.statusCode(), read.body());
        var set = operator.putJson(Quotas.platformPath(customer.id()), Quotas.body(42, 1, 60), ApiClient.etag(read));
        assertEquals(200, set.statusCode(), set.body());

        var seenByTenant = ApiClient.json(customer.admin().get(Quotas.QUOTAS));
        assertEquals(42, seenByTenant.getJsonObject("limits").getInt("storedModelBytes"));
        String[] tenantEvent = Quotas.latestEvent(customer.id(), "resources.quota.changed");
        assertEquals("operator", tenantEvent[1]);
        assertTrue(tenantEvent[3].contains("\"byPlatformOperator\": true"), tenantEvent[3]);
        String[] platformEvent = Quotas.latestEvent(new UUID(0, 0), "platform.quota.changed");
        assertEquals(tenantEvent[0], platformEvent[0]);
        assertEquals(customer.id().toString(), platformEvent[4]);
        assertEquals(403, operator.get(Quotas.QUOTAS).statusCode());
        assertEquals(404, operator.get(Quotas.platformPath(UUID.randomUUID())).statusCode());
        assertEquals(404, operator.get(Quotas.platformPath(new UUID(0, 0))).statusCode());
        assertEquals(
                404, operator.get("/api/v1/platform/tenants/not-a-uuid/quotas").statusCode());
    }
}
