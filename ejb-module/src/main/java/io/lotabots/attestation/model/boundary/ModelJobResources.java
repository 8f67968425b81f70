package io.lotabots.attestation.model.boundary;

import io.lotabots.attestation.boundary.AttestationEnded;
import io.lotabots.attestation.boundary.AttestationOpened;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.resources.boundary.ResourceAllocations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A model job holds a resource allocation from the transaction that stores it until the one that makes it
 * final: taken there so an over-quota submission is refused at once (409/429) and nothing is stored, and
 * released with the appraisal's CPU time. The lease outlives queueing and retries; a crashed server's
 * allocation is reclaimed by the lease timer.
 */
@ApplicationScoped
public class ModelJobResources {

    @EJB
    ResourceAllocations allocations;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.model.allocation-lease", defaultValue = "PT15M")
    Duration lease;

    void opened(@Observes AttestationOpened job) {
        if (job.type() == AttestationType.MODEL) {
            allocations.allocate(job.tenantId(), job.id(), lease);
        }
    }

    void ended(@Observes AttestationEnded job) {
        if (job.type() == AttestationType.MODEL) {
            allocations.release(job.id(), job.cpuUsed());
        }
    }
}
