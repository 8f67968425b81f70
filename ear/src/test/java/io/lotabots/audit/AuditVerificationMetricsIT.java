package io.lotabots.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.TestTenant;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Every chain verification counts in audit_chain_verifications_total by what it found, for the alert on a broken one. */
class AuditVerificationMetricsIT {

    @Test
    void anIntactAndABrokenChainAreCountedAsSuch() throws SQLException {
        var auditor = TestTenant.create("audit-metrics").userWithRoles("AUDITOR");
        var client = auditor.login();
        // the login is an event; once sealed, it has a signed checkpoint
        var sealed = AuditApi.awaitCheckpointed(client, 1);
        long head =
                sealed.getJsonObject("lastCheckpoint").getJsonNumber("sequence").longValue();

        double intactBefore = verifications("intact");
        double brokenBefore = verifications("broken");
        assertTrue(AuditApi.verification(client).getBoolean("intact"));
        assertEquals(intactBefore + 1, verifications("intact"));
        assertEquals(brokenBefore, verifications("broken"));

        try (var db = new DevServicesReport().database()) {
            db.createStatement().execute("set session_replication_role = replica");
            assertEquals(
                    1,
                    db.createStatement()
                            .executeUpdate("update lotabots.audit_checkpoint set jws = jws || 'A' where tenant_id = '"
                                    + auditor.tenant().id() + "' and chain_sequence = " + head));
        }
        assertFalse(AuditApi.verification(client).getBoolean("intact"));

        assertEquals(brokenBefore + 1, verifications("broken"));
        assertEquals(intactBefore + 1, verifications("intact"));
    }

    private static double verifications(String result) {
        return Metrics.value(Metrics.scrape(), "audit_chain_verifications_total{result=\"" + result + "\"}");
    }
}
