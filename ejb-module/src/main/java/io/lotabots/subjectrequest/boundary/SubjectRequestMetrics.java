package io.lotabots.subjectrequest.boundary;

import io.lotabots.subjectrequest.entity.RequestState;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code subject_requests{state}} (requests of every tenant by state) and {@code subject_requests_overdue}
 * (open requests past their due date, the number an alert watches), counted across the cluster every 30 s.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SubjectRequestMetrics {

    private static final Logger LOG = Logger.getLogger(SubjectRequestMetrics.class.getName());

    private static final Metadata BY_STATE = Metadata.builder()
            .withName("subject.requests")
            .withDescription("Data-subject requests of every tenant by state (counted every 30 s)")
            .build();
    private static final Metadata OVERDUE = Metadata.builder()
            .withName("subject.requests.overdue")
            .withDescription("Open data-subject requests past their GDPR due date (counted every 30 s)")
            .build();

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    MetricRegistry metrics;

    private final Map<RequestState, AtomicLong> byState = new EnumMap<>(RequestState.class);
    private final AtomicLong overdue = new AtomicLong();

    @PostConstruct
    void register() {
        for (RequestState state : RequestState.values()) {
            var count = new AtomicLong();
            byState.put(state, count);
            metrics.gauge(BY_STATE, count::get, new Tag("state", state.name().toLowerCase(Locale.ROOT)));
        }
        metrics.gauge(OVERDUE, overdue::get);
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void count() {
        try {
            var seen = new EnumMap<RequestState, Long>(RequestState.class);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select state, count(*) from lotabots.subject_request group by state")
                    .getResultList();
            rows.forEach(r -> seen.put(RequestState.valueOf((String) r[0]), ((Number) r[1]).longValue()));
            byState.forEach((state, count) -> count.set(seen.getOrDefault(state, 0L)));
            overdue.set(
                    ((Number) em.createNativeQuery("select count(*) from lotabots.subject_request where state not in"
                                            + " ('COMPLETED', 'REJECTED') and due_at < now()")
                                    .getSingleResult())
                            .longValue());
        } catch (PersistenceException e) {
            LOG.log(Level.FINE, "Cannot count data-subject requests now", e);
        }
    }
}
