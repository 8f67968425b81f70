package io.lotabots.subjectrequest.boundary;

import io.lotabots.platform.metrics.TimerRuns;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import java.util.UUID;

/**
 * What drives data-subject jobs: a non-persistent single-action timer per job, created in the transaction
 * that made the job runnable (so it fires only once that commits, on this server), and a persistent sweeper
 * every 30 seconds, once per cluster, that starts again what a lost timer or a dead server left behind.
 * The timer plays the role the JMS announcement plays for attestation jobs; the row is the record.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SubjectRequestTimers {

    @Resource
    TimerService timerService;

    @EJB
    SubjectRequestJobs jobs;

    /** Starts the job once the caller's transaction commits. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void start(UUID id) {
        schedule(id);
    }

    /** Starts the job now (no transaction to wait for). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void startNow(UUID id) {
        schedule(id);
    }

    private void schedule(UUID id) {
        timerService.createSingleActionTimer(0, new TimerConfig(id.toString(), false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(Timer timer) {
        jobs.process(UUID.fromString((String) timer.getInfo()));
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = true, info = "subject request sweeper")
    @Interceptors(TimerRuns.class)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        jobs.sweep();
    }
}
