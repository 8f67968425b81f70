package io.lotabots.platform.storage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/** {@code s3_request_duration_seconds{operation,outcome}}, fed by {@link S3CallTiming}. */
@ApplicationScoped
public class S3CallMetrics {

    private static final Metadata DURATION = Metadata.builder()
            .withName("s3.request.duration")
            .withDescription("Time of one S3 call, retries included, by operation and outcome")
            .build();

    @Inject
    MetricRegistry metrics;

    /** By operation and outcome: the registry builds and compares metric ids on every lookup. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** The calls every deployment makes are shown from zero, not missing until the first one. */
    @PostConstruct
    void registerCommonOperations() {
        for (String operation : new String[] {"PutObject", "GetObject", "DeleteObject"}) {
            timer(operation, true);
            timer(operation, false);
        }
    }

    void record(String operation, boolean succeeded, Duration took) {
        timer(operation, succeeded).update(took);
    }

    private Timer timer(String operation, boolean succeeded) {
        String outcome = succeeded ? "success" : "failure";
        return timers.computeIfAbsent(
                operation + ' ' + outcome,
                key -> metrics.timer(DURATION, new Tag("operation", operation), new Tag("outcome", outcome)));
    }
}
