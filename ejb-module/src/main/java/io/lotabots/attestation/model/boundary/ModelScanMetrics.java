package io.lotabots.attestation.model.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * {@code model_scan_bytes_total} (bytes of model files appraised) and {@code model_scan_duration_seconds}
 * (one model's scan and signature check): their rates' quotient is the verifier's throughput in bytes per
 * second (the recording rule {@code job:model_scan_bytes_per_second:rate5m}), a per-job histogram alone
 * could not say how many bytes each second bought.
 */
@ApplicationScoped
public class ModelScanMetrics {

    private static final Metadata BYTES = Metadata.builder()
            .withName("model.scan.bytes")
            .withDescription("Bytes of model files the verifier scanned and checked against their signature")
            .build();
    private static final Metadata DURATION = Metadata.builder()
            .withName("model.scan.duration")
            .withDescription("Time of one model's scan and signature check")
            .build();

    @Inject
    MetricRegistry metrics;

    private Counter bytes;
    private Timer duration;

    @PostConstruct
    void register() {
        bytes = metrics.counter(BYTES);
        duration = metrics.timer(DURATION);
    }

    /** Creates the bean at start-up, so the series show from zero rather than as gaps. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object start) {}

    /** Counts one completed scan of {@code size} bytes that took {@code took}. */
    public void scanned(long size, Duration took) {
        bytes.inc(size);
        duration.update(took);
    }
}
