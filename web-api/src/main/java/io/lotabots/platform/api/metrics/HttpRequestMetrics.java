package io.lotabots.platform.api.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * {@code http_requests_total{method,endpoint,status}} and {@code
 * http_request_duration_seconds{method,endpoint,status}} (a histogram: buckets from
 * {@code mp.metrics.distribution.timer.buckets} in server.xml, at the SLOs' thresholds).
 */
@ApplicationScoped
public class HttpRequestMetrics {

    static final String REQUESTS = "http.requests";
    static final String DURATION = "http.request.duration";

    private static final Metadata REQUESTS_METADATA = Metadata.builder()
            .withName(REQUESTS)
            .withDescription("API requests answered, by method, route template and status")
            .build();
    private static final Metadata DURATION_METADATA = Metadata.builder()
            .withName(DURATION)
            .withDescription("Time from a request's arrival in the API to its answer written, by method, route"
                    + " template and status")
            .build();

    @Inject
    MetricRegistry metrics;

    /** Looked up once per label set: the registry builds and compares metric ids on every lookup. */
    private final Map<RequestKey, Instruments> instruments = new ConcurrentHashMap<>();

    public void record(RequestKey key, Duration elapsed) {
        var forKey = instruments.computeIfAbsent(key, this::register);
        forKey.requests().inc();
        forKey.duration().update(elapsed);
    }

    private Instruments register(RequestKey key) {
        Tag[] tags = {
            new Tag("method", key.method()), new Tag("endpoint", key.endpoint()), new Tag("status", key.status())
        };
        return new Instruments(metrics.counter(REQUESTS_METADATA, tags), metrics.timer(DURATION_METADATA, tags));
    }

    /** The labels of one request. */
    public record RequestKey(String method, String endpoint, String status) {}

    private record Instruments(Counter requests, Timer duration) {}
}
