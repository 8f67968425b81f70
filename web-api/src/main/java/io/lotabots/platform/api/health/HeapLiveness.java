package io.lotabots.platform.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /health/live}: the JVM is alive unless its heap stays nearly full after collection, the
 * one state a restart cures. Dependencies are deliberately not part of liveness.
 */
@Liveness
@ApplicationScoped
public class HeapLiveness implements HealthCheck {

    @Inject
    @ConfigProperty(name = "lotabots.health.max-heap-ratio", defaultValue = "0.95")
    double maxHeapRatio;

    @Override
    public HealthCheckResponse call() {
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double ratio = heap.getMax() > 0 ? (double) heap.getUsed() / heap.getMax() : 0;
        return HealthCheckResponse.named("heap")
                .status(ratio < maxHeapRatio)
                .withData("usedRatio", String.format("%.2f", ratio))
                .build();
    }
}
