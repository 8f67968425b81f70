package io.lotabots.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code audit_chain_verifications_total{result="intact|broken"}}: every chain verification (API,
 * console) and what it found, shown from zero at start-up so that the first broken one is an increase.
 */
@ApplicationScoped
public class AuditMetrics {

    private static final Metadata VERIFICATIONS = Metadata.builder()
            .withName("audit.chain.verifications")
            .withDescription("Audit chain verifications, by result (broken: a link, checkpoint or S3 copy disagreed)")
            .build();

    @Inject
    MetricRegistry metrics;

    private Counter intact;
    private Counter broken;

    void register(@Observes @Initialized(ApplicationScoped.class) Object start) {
        counters();
    }

    void verified(boolean chainIntact) {
        counters();
        (chainIntact ? intact : broken).inc();
    }

    private void counters() {
        if (intact == null) {
            intact = metrics.counter(VERIFICATIONS, new Tag("result", "intact"));
            broken = metrics.counter(VERIFICATIONS, new Tag("result", "broken"));
        }
    }
}
