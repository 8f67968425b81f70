package io.lotabots.platform.health.control;

import io.lotabots.platform.health.boundary.Dependency;
import io.lotabots.platform.health.boundary.DependencyHealth;
import io.lotabots.platform.health.boundary.DependencyStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Probes the dependencies every 30 seconds on each server (a non-persistent timer: every member
 * watches its own connections) and publishes {@code dependency_up{dependency}} for alerting.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DependencyMonitor {

    private static final Logger LOG = Logger.getLogger(DependencyMonitor.class.getName());

    @EJB
    DependencyHealth health;

    @Inject
    MetricRegistry metrics;

    private static final Metadata UP = Metadata.builder()
            .withName("dependency.up")
            .withDescription("1 if the dependency answered this server's last probe (every 30 s), else 0")
            .build();

    private final Map<Dependency, Boolean> lastSeen = new ConcurrentHashMap<>();

    @PostConstruct
    void registerGauges() {
        for (Dependency d : Dependency.values()) {
            lastSeen.put(d, Boolean.FALSE);
            metrics.gauge(UP, () -> lastSeen.get(d) ? 1 : 0, new Tag("dependency", d.label()));
        }
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void probe() {
        for (Dependency d : Dependency.values()) {
            DependencyStatus status = health.check(d);
            Boolean before = lastSeen.put(d, status.up());
            if (before != null && before != status.up()) {
                LOG.warning(() ->
                        "Dependency " + d.label() + " is now " + (status.up() ? "UP" : "DOWN: " + status.detail()));
            }
        }
    }
}
