package io.lotabots.retention.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The cluster's one retention clock (table {@code retention_clock}): a tick claims a run by moving the last start
 * forward, which succeeds for one server per interval. A tenth of the interval is forgiven, so ticks of servers
 * started at different moments do not push the runs an interval apart from each other.
 */
@Stateless
public class RetentionClock {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    Clock clock;

    /** Whether this tick is the cluster's run for the current interval. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(Duration interval) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var due = now.minus(interval.minus(interval.dividedBy(10)));
        return em.createNativeQuery("update lotabots.retention_clock set last_started_at = ?1 where id = 1"
                                + " and last_started_at <= ?2")
                        .setParameter(1, now)
                        .setParameter(2, due)
                        .executeUpdate()
                == 1;
    }
}
