package io.lotabots.resources;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.UUID;

/** Quota calls and audit reads for the resource tests. */
final class Quotas {

    static final String QUOTAS = "/api/v1/resources/quotas";

    private Quotas() {}

    static String body(long storedModelBytes, long concurrentJobs, long cpuSecondsPerDay) {
        return "{\"storedModelBytes\": " + storedModelBytes + ", \"concurrentJobs\": " + concurrentJobs
                + ", \"cpuSecondsPerDay\": " + cpuSecondsPerDay + "}";
    }

    /** Sets the tenant's quotas as its administrator; fails unless 200. */
    static void set(ApiClient admin, long storedModelBytes, long concurrentJobs, long cpuSecondsPerDay) {
        HttpResponse<String> response =
                admin.putJson(QUOTAS, body(storedModelBytes, concurrentJobs, cpuSecondsPerDay), null);
        if (response.statusCode() != 200) {
            throw new AssertionError("setting quotas failed: " + response.statusCode() + " " + response.body());
        }
    }

    static String platformPath(UUID tenantId) {
        return "/api/v1/platform/tenants/" + tenantId + "/quotas";
    }

    /** How many audit events of {@code action} the tenant's chain has. */
    static long events(UUID tenantId, String action) {
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

    /** The newest audit event of {@code action} on the chain: actor, actor name, outcome, details. */
    static String[] latestEvent(UUID tenantId, String action) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement(
                        "select actor, actor_name, outcome, details::text, target_id from"
                                + " lotabots.audit_event_readable where tenant_id = ? and action = ? order by id desc limit 1")) {
            q.setObject(1, tenantId);
            q.setString(2, action);
            try (var rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no " + action + " event on chain " + tenantId);
                }
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                };
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
