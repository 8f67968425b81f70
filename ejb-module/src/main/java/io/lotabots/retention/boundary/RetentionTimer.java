package io.lotabots.retention.boundary;

import io.lotabots.platform.metrics.TimerRuns;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;

/**
 * The retention purge every minute, once per cluster (a persistent timer kept in PostgreSQL, like the document
 * janitor's). A run that finds nothing costs one query per data class; it purges at most one batch per tenant
 * and class, and the next run goes on.
 */
@Singleton
public class RetentionTimer {

    @EJB
    RetentionPurge purge;

    @Schedule(second = "30", minute = "*", hour = "*", persistent = true, info = "retention purge")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @Interceptors(TimerRuns.class)
    public void run() {
        purge.purgeAll();
    }
}
