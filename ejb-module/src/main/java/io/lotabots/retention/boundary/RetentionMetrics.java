package io.lotabots.retention.boundary;

import io.lotabots.retention.control.DataClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code retention_purged_total{class}}: objects the retention purge removed, per data class, shown from zero
 * at start-up so that an alert sees the first purge as an increase.
 */
@ApplicationScoped
public class RetentionMetrics {

    private static final Metadata PURGED = Metadata.builder()
            .withName("retention.purged")
            .withDescription("Objects the retention purge removed because they were past their retention period")
            .build();

    @Inject
    MetricRegistry metrics;

    void register(@Observes @Initialized(ApplicationScoped.class) Object start) {
        for (DataClass dataClass : DataClass.values()) {
            purged(dataClass, 0);
        }
    }

    void purged(DataClass dataClass, int count) {
        metrics.counter(PURGED, new Tag("class", dataClass.key())).inc(count);
    }
}
