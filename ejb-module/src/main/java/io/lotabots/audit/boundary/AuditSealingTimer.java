package io.lotabots.audit.boundary;

import io.lotabots.platform.metrics.TimerRuns;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals the audit trail every 10 seconds. A persistent timer, so the cluster runs it once per tick;
 * the sealer's database lock covers the moment a timer is handed over to another server. Each batch
 * commits on its own: a failure (S3 down) leaves that tenant's events for the next tick.
 */
@Stateless
public class AuditSealingTimer {

    private static final Logger LOG = Logger.getLogger(AuditSealingTimer.class.getName());

    @EJB
    AuditSealer sealer;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = true, info = "audit sealer")
    @Interceptors(TimerRuns.class)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void seal() {
        for (UUID tenant : sealer.tenantsWithUnsealedEvents()) {
            try {
                while (sealer.sealNextBatch(tenant) == sealer.batchSize()) {
                    // a backlog: keep going until this tenant is sealed
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Sealing the audit trail of tenant " + tenant + " failed; retried next run", e);
            }
        }
    }
}
