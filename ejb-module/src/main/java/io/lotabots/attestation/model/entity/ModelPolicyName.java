package io.lotabots.attestation.model.entity;

import io.lotabots.attestation.policy.PolicyHead;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant's model policy name: which version is the latest, and whether the name was deleted. */
@Entity
@Table(name = "model_policy")
@IdClass(PolicyHead.Key.class)
public class ModelPolicyName extends PolicyHead {

    protected ModelPolicyName() {}

    public ModelPolicyName(UUID tenantId, String name, Instant now) {
        super(tenantId, name, now);
    }
}
