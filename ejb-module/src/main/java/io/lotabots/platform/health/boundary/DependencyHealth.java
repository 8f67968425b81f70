package io.lotabots.platform.health.boundary;

import io.lotabots.platform.health.control.DependencyProbes;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** Probes every dependency the platform needs; used by the readiness check and the admin console. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DependencyHealth {

    @Inject
    DependencyProbes probes;

    @Inject
    Clock clock;

    /** Probes all dependencies now, in a fixed order: postgresql, redis, s3, messaging. */
    public List<DependencyStatus> checkAll() {
        return Arrays.stream(Dependency.values()).map(this::check).toList();
    }

    /** Probes one dependency now; a failure is reported, never thrown. */
    public DependencyStatus check(Dependency dependency) {
        long start = System.nanoTime();
        String detail;
        boolean up;
        try {
            detail = probes.probe(dependency);
            up = true;
        } catch (RuntimeException e) {
            detail = describe(e);
            up = false;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new DependencyStatus(dependency.label(), up, detail, millis, clock.instant());
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String text = root.getClass().getSimpleName() + message;
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
