package io.lotabots.resources.boundary;

import io.lotabots.resources.control.Quota;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** {@code resources_quota_refusals_total{quota}}: requests a tenant's quota refused, by the quota's name. */
@ApplicationScoped
public class QuotaMetrics {

    private static final Metadata REFUSALS = Metadata.builder()
            .withName("resources.quota.refusals")
            .withDescription("Uploads and jobs refused because a tenant's quota was reached, by quota")
            .build();

    @Inject
    MetricRegistry metrics;

    // Looked up once: a registry lookup builds and compares metric ids and tags on every call.
    private final Map<Quota, Counter> refusals = new EnumMap<>(Quota.class);

    @PostConstruct
    void register() {
        for (Quota quota : Quota.values()) {
            refusals.put(quota, metrics.counter(REFUSALS, new Tag("quota", quota.label())));
        }
    }

    /** Creates the bean at start-up, so every quota's counter shows from zero rather than as a gap. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object start) {}

    /** Counts one refusal of {@code quota}. */
    public void refused(Quota quota) {
        refusals.get(quota).inc();
    }
}
