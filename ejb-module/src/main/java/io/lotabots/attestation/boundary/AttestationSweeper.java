package io.lotabots.attestation.boundary;

import io.lotabots.platform.metrics.TimerRuns;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;

/**
 * Every 30 seconds, once per cluster (a persistent timer kept in PostgreSQL): jobs still PENDING or
 * PROCESSING after the lease ({@code lotabots.attestation.lease}) are announced again, or failed when
 * out of attempts ({@code lotabots.attestation.max-attempts}).
 */
@Singleton
public class AttestationSweeper {

    @EJB
    AttestationJobs jobs;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = true, info = "attestation sweeper")
    @Interceptors(TimerRuns.class)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        jobs.sweep();
    }
}
