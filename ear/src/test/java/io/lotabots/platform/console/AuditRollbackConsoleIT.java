package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An auditor's *Verify chain* in the console after the newest audit events were deleted together with
 * their checkpoints: the signed copies in S3 reveal the rollback, and the console shows the finding.
 */
class AuditRollbackConsoleIT {

    /**
     * The sealer runs every 10 s, but a database outage earlier in the run (the outage tests) makes the
     * persistent executor roll a run back and take the timer up again only at its next poll (2 minutes).
     */
    private static final Duration SEALING = Duration.ofMinutes(3);

    private static ConsoleBrowser browser;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = SESSION.browser();
    }

    @Test
    void aRolledBackTrailIsShownAsSuchWhenTheAuditorVerifiesIt() throws SQLException {
        var tenant = TestTenant.create("console-rollback");
        String password = TestTenant.newPassword();
        tenant.addUser("auditor", password, "AUDITOR");
        var auditor = ApiClient.withToken(tenant.accessToken("auditor", password));
        browser.signedIn(tenant.name(), "auditor", password);
        long kept = checkpointAtLeast(auditor, 2); // the API and the console sign-in
        for (int i = 0; i < 3; i++) {
            tenant.login("nobody-" + i, "not-the-password");
        }
        checkpointAtLeast(auditor, kept + 3);

        removeEverythingAfter(tenant.id(), kept);

        browser.click("nav-audit");
        browser.click("audit-verify");
        browser.wait
                .withMessage(() -> "a finding in " + browser.textOf("audit-chain-findings"))
                .until(d -> browser.textOf("audit-chain-findings").contains("ROLLED_BACK"));
        assertTrue(browser.textOf("audit-chain-findings").contains("sequence " + (kept + 1)));
        assertTrue(browser.textOf("audit-chain-status").startsWith("BROKEN"), browser.textOf("audit-chain-status"));
        browser.screenshot("console-audit-rolled-back");
        assertFalse(
                ApiClient.json(auditor.get("/api/v1/audit/verification")).getBoolean("intact"),
                "the API agrees with the console");
    }

    /** Waits until the tenant's latest checkpoint covers at least {@code sequence}; returns its position. */
    private static long checkpointAtLeast(ApiClient auditor, long sequence) {
        JsonObject report = Eventually.await(
                SEALING,
                () -> ApiClient.json(auditor.get("/api/v1/audit/verification")),
                r -> r.get("lastCheckpoint") instanceof JsonObject c
                        && c.getJsonNumber("sequence").longValue() >= sequence,
                "a checkpoint at " + sequence + " or later");
        return report.getJsonObject("lastCheckpoint").getJsonNumber("sequence").longValue();
    }

    /** Deletes the events after {@code kept} and their checkpoints, as a superuser with the triggers off. */
    private static void removeEverythingAfter(UUID tenantId, long kept) throws SQLException {
        try (var db = new DevServicesReport().database()) {
            db.createStatement().execute("set session_replication_role = replica");
            for (String table : new String[] {"audit_event", "audit_checkpoint"}) {
                try (var delete = db.prepareStatement(
                        "delete from lotabots." + table + " where tenant_id = ? and chain_sequence > ?")) {
                    delete.setObject(1, tenantId);
                    delete.setLong(2, kept);
                    assertTrue(delete.executeUpdate() >= 1, table);
                }
            }
        }
    }
}
