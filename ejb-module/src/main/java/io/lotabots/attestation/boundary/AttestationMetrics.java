package io.lotabots.attestation.boundary;

import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
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
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * {@code attestation_requests_total{type,verdict}} (verdict: verified, rejected, failed),
 * {@code attestation_success_rate{type}} (verified share of this server's final jobs since start),
 * {@code attestation_verification_duration_seconds{type}} and {@code attestation_queue_depth{type}}
 * (unfinished jobs across the cluster, counted every 10 s rather than per scrape).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AttestationMetrics {

    private static final Logger LOG = Logger.getLogger(AttestationMetrics.class.getName());
    private static final List<AttestationStatus> FINAL =
            List.of(AttestationStatus.VERIFIED, AttestationStatus.REJECTED, AttestationStatus.FAILED);

    private static final Metadata REQUESTS = Metadata.builder()
            .withName("attestation.requests")
            .withDescription(
                    "Attestation jobs that reached a final status on this server, by type and verdict (verified, rejected, failed)")
            .build();
    private static final Metadata SUCCESS_RATE = Metadata.builder()
            .withName("attestation.success.rate")
            .withDescription("Verified share of this server's final attestation jobs since it started, by type")
            .build();
    private static final Metadata QUEUE_DEPTH = Metadata.builder()
            .withName("attestation.queue.depth")
            .withDescription(
                    "Unfinished attestation jobs (pending or processing) across the cluster, by type (counted every 10 s)")
            .build();
    private static final Metadata DURATION = Metadata.builder()
            .withName("attestation.verification.duration")
            .withDescription("Time of one attestation appraisal, by type")
            .build();

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    MetricRegistry metrics;

    private final Map<AttestationType, AtomicLong> depth = new EnumMap<>(AttestationType.class);

    // Looked up once: a registry lookup builds and compares metric ids and tags on every call.
    private final Map<AttestationType, Map<AttestationStatus, Counter>> requests = new EnumMap<>(AttestationType.class);
    private final Map<AttestationType, Timer> durations = new EnumMap<>(AttestationType.class);

    @PostConstruct
    void register() {
        for (AttestationType type : AttestationType.values()) {
            Tag tag = typeTag(type);
            var counters = new EnumMap<AttestationStatus, Counter>(AttestationStatus.class);
            FINAL.forEach(status -> counters.put(
                    status,
                    metrics.counter(
                            REQUESTS, tag, new Tag("verdict", status.name().toLowerCase(Locale.ROOT)))));
            requests.put(type, counters);
            metrics.gauge(SUCCESS_RATE, () -> successRate(type), tag);
            var queued = new AtomicLong();
            depth.put(type, queued);
            metrics.gauge(QUEUE_DEPTH, queued::get, tag);
            durations.put(type, metrics.timer(DURATION, tag));
        }
    }

    /** Counts a job that reached a final status, and how long its appraisal took. */
    public void finished(AttestationType type, AttestationStatus status, Duration appraisal) {
        requests(type, status).inc();
        if (appraisal != null) {
            duration(type).update(appraisal);
        }
    }

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void countUnfinished() {
        for (AttestationType type : AttestationType.values()) {
            try {
                depth.get(type)
                        .set(((Number) em.createNamedQuery(Attestation.UNFINISHED)
                                        .setParameter(1, type.name())
                                        .getSingleResult())
                                .longValue());
            } catch (PersistenceException e) {
                LOG.log(Level.FINE, "Cannot count unfinished attestations now", e);
            }
        }
    }

    private double successRate(AttestationType type) {
        long verified = requests(type, AttestationStatus.VERIFIED).getCount();
        long all = FINAL.stream().mapToLong(s -> requests(type, s).getCount()).sum();
        return all == 0 ? 0.0 : (double) verified / all;
    }

    private Counter requests(AttestationType type, AttestationStatus status) {
        return requests.get(type).get(status);
    }

    private Timer duration(AttestationType type) {
        return durations.get(type);
    }

    private static Tag typeTag(AttestationType type) {
        return new Tag("type", type.metricTag());
    }
}
