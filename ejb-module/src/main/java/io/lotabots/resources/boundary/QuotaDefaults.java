package io.lotabots.resources.boundary;

import io.lotabots.resources.control.QuotaLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The limits of a tenant whose quota was never set, from configuration. */
@ApplicationScoped
public class QuotaDefaults {

    @Inject
    @ConfigProperty(name = "lotabots.resources.default.stored-model-bytes", defaultValue = "107374182400")
    long storedModelBytes;

    @Inject
    @ConfigProperty(name = "lotabots.resources.default.concurrent-jobs", defaultValue = "4")
    int concurrentJobs;

    @Inject
    @ConfigProperty(name = "lotabots.resources.default.cpu-seconds-per-day", defaultValue = "86400")
    long cpuSecondsPerDay;

    public QuotaLimits limits() {
        return new QuotaLimits(storedModelBytes, concurrentJobs, cpuSecondsPerDay);
    }
}
