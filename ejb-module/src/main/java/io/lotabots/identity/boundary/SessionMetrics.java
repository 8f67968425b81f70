package io.lotabots.identity.boundary;

import io.lotabots.identity.tokens.TokenSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Session metrics: {@code identity_sessions_active} (sessions neither revoked, expired nor idle past
 * the timeout, across all servers), counted every 10 seconds on each server rather than per scrape,
 * and {@code identity_refreshes_total{outcome}}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SessionMetrics {

    private static final Logger LOG = Logger.getLogger(SessionMetrics.class.getName());

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    MetricRegistry metrics;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    private static final Metadata REFRESHES = Metadata.builder()
            .withName("identity.refreshes")
            .withDescription("Refresh-token exchanges, by outcome (success or rejected)")
            .build();

    private final AtomicLong active = new AtomicLong();

    @PostConstruct
    void register() {
        metrics.gauge(
                Metadata.builder()
                        .withName("identity.sessions.active")
                        .withDescription(
                                "Sessions neither revoked, expired nor idle, across the cluster (counted every 10 s)")
                        .build(),
                active::get);
        List.of(true, false).forEach(this::refreshes);
    }

    /** Counts one refresh-token exchange, granted or refused. */
    public void refreshed(boolean granted) {
        refreshes(granted).inc();
    }

    /** A read needs no transaction; while PostgreSQL is down the gauge keeps its last value (readiness reports the outage). */
    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void countActiveSessions() {
        Instant now = clock.instant();
        try {
            active.set(em.createQuery(
                            "select count(s) from AuthSession s where s.revokedAt is null"
                                    + " and s.expiresAt > :now and s.lastUsedAt > :idleSince",
                            Long.class)
                    .setParameter("now", now)
                    .setParameter("idleSince", now.minus(settings.sessionIdleTimeout()))
                    .getSingleResult());
        } catch (PersistenceException e) {
            LOG.log(Level.FINE, "Cannot count active sessions now", e);
        }
    }

    private org.eclipse.microprofile.metrics.Counter refreshes(boolean granted) {
        return metrics.counter(REFRESHES, new Tag("outcome", granted ? "success" : "rejected"));
    }
}
