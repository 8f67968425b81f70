package io.lotabots.platform.api.health;

import io.lotabots.platform.health.boundary.Dependency;
import io.lotabots.platform.health.boundary.DependencyHealth;
import io.lotabots.platform.health.boundary.DependencyStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}: one named check per dependency, so a DOWN answer says which one. */
@ApplicationScoped
public class DependencyReadinessChecks {

    @EJB
    DependencyHealth health;

    @Produces
    @Readiness
    HealthCheck postgresql() {
        return () -> response(health.check(Dependency.POSTGRESQL));
    }

    @Produces
    @Readiness
    HealthCheck redis() {
        return () -> response(health.check(Dependency.REDIS));
    }

    @Produces
    @Readiness
    HealthCheck s3() {
        return () -> response(health.check(Dependency.S3));
    }

    @Produces
    @Readiness
    HealthCheck messaging() {
        return () -> response(health.check(Dependency.MESSAGING));
    }

    private static HealthCheckResponse response(DependencyStatus status) {
        return HealthCheckResponse.named(status.name())
                .status(status.up())
                .withData("detail", status.detail())
                .withData("latencyMillis", status.latencyMillis())
                .build();
    }
}
