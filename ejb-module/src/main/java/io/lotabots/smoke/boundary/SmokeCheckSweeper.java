package io.lotabots.smoke.boundary;

import io.lotabots.smoke.control.SmokeJobQueue;
import io.lotabots.smoke.entity.SmokeCheck;
import io.lotabots.smoke.entity.SmokeStatus;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-queues smoke checks whose lease ran out (a server died, a message was lost) and gives up after
 * a bounded number of attempts. A persistent timer: the cluster runs it once per minute, not once per
 * server.
 */
@Singleton
public class SmokeCheckSweeper {

    private static final Logger LOG = Logger.getLogger(SmokeCheckSweeper.class.getName());

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    SmokeJobQueue queue;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lotabots.smoke.lease", defaultValue = "PT2M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "lotabots.smoke.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Schedule(minute = "*", hour = "*", persistent = true, info = "smoke-check sweeper")
    public void sweep() {
        var now = clock.instant();
        var stale = em.createNamedQuery(SmokeCheck.STALE, SmokeCheck.class)
                .setParameter("status", SmokeStatus.PENDING)
                .setParameter("before", now.minus(lease))
                .setMaxResults(500)
                .getResultList();
        for (SmokeCheck check : stale) {
            if (check.attempts() >= maxAttempts) {
                check.fail("no result after " + check.attempts() + " attempts", now);
                LOG.warning(() -> "Smoke check " + check.id() + " failed after " + check.attempts() + " attempts");
            } else {
                check.requeued(now);
                queue.enqueue(check.id());
            }
        }
    }
}
