package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.hardware.control.HardwarePolicy;
import jakarta.ejb.Stateless;
import java.util.Optional;
import java.util.UUID;

/** The tenants' hardware attestation policies: versioned, with a default policy per tenant. */
@Stateless
public class HardwarePolicies {

    /**
     * The latest version of the named policy, or of the tenant's default policy when {@code name} is
     * null (created on first use); empty if the tenant has no policy of that name. Submissions pin it.
     */
    public Optional<PolicyVersion> current(UUID tenantId, String name) {
        throw new UnsupportedOperationException("to be built (issue 4)");
    }

    /** One pinned version, as the verifier applies it; versions are immutable once written. */
    public HardwarePolicy version(UUID tenantId, PolicyVersion version) {
        throw new UnsupportedOperationException("to be built (issue 4)");
    }
}
