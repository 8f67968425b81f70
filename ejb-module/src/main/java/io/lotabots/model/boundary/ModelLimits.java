package io.lotabots.model.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What one model may hold, and how an upload reserves quota, from configuration. */
@ApplicationScoped
public class ModelLimits {

    @Inject
    @ConfigProperty(name = "lotabots.model.max-bytes", defaultValue = "68719476736")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "lotabots.model.max-files", defaultValue = "10000")
    int maxFiles;

    /** An archive's central directory is kept to find symbolic links; larger ones are refused. */
    @Inject
    @ConfigProperty(name = "lotabots.model.max-central-directory-bytes", defaultValue = "4194304")
    int centralDirectoryBytes;

    /**
     * Beyond what an upload declared, quota is reserved ahead in steps of this size: a transaction per step,
     * and no upload holds much more than it needs while parallel uploads share a small quota.
     */
    @Inject
    @ConfigProperty(name = "lotabots.model.reservation-step-bytes", defaultValue = "8388608")
    long reservationStepBytes;

    public long maxBytes() {
        return maxBytes;
    }

    public int maxFiles() {
        return maxFiles;
    }

    public int centralDirectoryBytes() {
        return centralDirectoryBytes;
    }

    public long reservationStepBytes() {
        return reservationStepBytes;
    }
}
