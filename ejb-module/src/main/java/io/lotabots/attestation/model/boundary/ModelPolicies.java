package io.lotabots.attestation.model.boundary;

import static io.lotabots.attestation.model.boundary.ModelPolicyKind.MODEL;

import io.lotabots.attestation.model.entity.ModelPolicyVersion;
import io.lotabots.attestation.model.policy.ModelPolicy;
import io.lotabots.attestation.model.policy.ModelPolicyDraft;
import io.lotabots.attestation.model.policy.ModelPolicyText;
import io.lotabots.attestation.policy.PolicyVersion;
import io.lotabots.attestation.policy.VersionedPolicies;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenants' model attestation policies, versioned as every type's are ({@link VersionedPolicies}):
 * every write a new immutable version, If-Match checked when sent, a {@code default} per tenant made on
 * first use, deleted names hidden while their versions stay.
 */
@Stateless
public class ModelPolicies {

    @Inject
    VersionedPolicies policies;

    /** The latest version of the named policy (null: the default, created on first use); empty if none. */
    public Optional<PolicyVersion> current(UUID tenantId, String name) {
        return policies.current(MODEL, tenantId, name);
    }

    /** One pinned version, as the appraiser applies it; versions are immutable once written. */
    public ModelPolicy version(UUID tenantId, PolicyVersion version) {
        ModelPolicyVersion row = policies.pinned(MODEL, tenantId, version);
        return ModelPolicyText.policy(
                row.name(),
                row.version(),
                row.trustedKeys(),
                row.trustedCas(),
                row.signatureRequired(),
                row.suspiciousPasses(),
                row.allowedFormats(),
                row.maxSizeBytes());
    }

    public ModelPolicyView create(Caller caller, String name, ModelPolicyContent content) {
        VersionedPolicies.requireValidName(name);
        return policies.create(MODEL, caller, name, draft(content));
    }

    public ModelPolicyView update(Caller caller, String name, Long expectedVersion, ModelPolicyContent content) {
        return policies.update(MODEL, caller, name, expectedVersion, () -> draft(content));
    }

    public void delete(Caller caller, String name, Long expectedVersion) {
        policies.delete(MODEL, caller, name, expectedVersion);
    }

    public ModelPolicyView latest(Caller caller, String name) {
        return policies.latest(MODEL, caller, name);
    }

    public ModelPolicyView find(Caller caller, String name, int version) {
        return policies.find(MODEL, caller, name, version);
    }

    public Page<ModelPolicyView> page(Caller caller, String cursor, int limit) {
        return policies.page(MODEL, caller, cursor, limit);
    }

    private static ModelPolicyDraft draft(ModelPolicyContent content) {
        if (content == null) {
            throw VersionedPolicies.bodyRequired();
        }
        var read = ModelPolicyDraft.read(
                content.trustedKeys(),
                content.trustedCas(),
                content.signatureRequired(),
                content.suspiciousPasses(),
                content.allowedFormats(),
                content.maxSizeBytes());
        if (read.draft() == null) {
            throw Refusal.invalidInput(read.problems());
        }
        return read.draft();
    }
}
