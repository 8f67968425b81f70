package io.lotabots.retention.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retention purge every {@code lotabots.retention.interval} (a minute), once per cluster: each server ticks
 * with an interval timer of its own, and a tick purges only when it claims the cluster's {@link RetentionClock},
 * so a dead server's ticks are simply the others'. A run that finds nothing costs one query per data class; it
 * purges at most one batch per tenant and class, and the next run goes on.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetentionTimer {

    static final String INFO = "retention purge";

    @EJB
    RetentionPurge purge;

    @EJB
    RetentionClock clock;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "lotabots.retention.interval", defaultValue = "PT1M")
    Duration interval;

    private final ReentrantLock running = new ReentrantLock();

    @PostConstruct
    void schedule() {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("lotabots.retention.interval must be positive: " + interval);
        }
        long millis = interval.toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig(INFO, false));
    }

    /** One tick: purges when no run of this server is still going and the cluster's clock says it is time. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        if (!running.tryLock()) {
            return;
        }
        try {
            if (clock.claim(interval)) {
                purge.purgeAll();
            }
        } finally {
            running.unlock();
        }
    }
}
