package io.lotabots.retention.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The retention purge every hour at minute 17, once per cluster (a persistent timer kept in PostgreSQL, like
 * the document janitor's); a run purges at most one batch per tenant and class, the next run goes on.
 */
@Singleton
public class RetentionTimer {

    @EJB
    RetentionPurge purge;

    @Schedule(hour = "*", minute = "17", persistent = true, info = "retention purge")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run() {
        purge.purgeAll();
    }
}
