package io.lotabots.attestation.hardware.entity;

import io.lotabots.attestation.policy.PolicyHead;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant's hardware policy name: which version is the latest, and whether the name was deleted. */
@Entity
@Table(name = "hardware_policy")
@IdClass(PolicyHead.Key.class)
public class HardwarePolicyName extends PolicyHead {

    protected HardwarePolicyName() {}

    public HardwarePolicyName(UUID tenantId, String name, Instant now) {
        super(tenantId, name, now);
    }
}
