package io.lotabots.attestation.hardware.boundary;

import static io.lotabots.attestation.hardware.boundary.HardwarePolicyKind.HARDWARE;

import io.lotabots.attestation.hardware.entity.HardwarePolicyVersion;
import io.lotabots.attestation.hardware.policy.HardwarePolicy;
import io.lotabots.attestation.hardware.policy.PolicyDraft;
import io.lotabots.attestation.hardware.tpm.Certificates;
import io.lotabots.attestation.policy.PolicyVersion;
import io.lotabots.attestation.policy.VersionedPolicies;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The tenants' hardware attestation policies: versioned, with a default policy per tenant ({@link VersionedPolicies}). */
@Stateless
public class HardwarePolicies {

    public static final String DEFAULT = HardwarePolicy.DEFAULT_NAME;

    @Inject
    VersionedPolicies policies;

    /**
     * The latest version of the named policy, or of the tenant's default policy when {@code name} is
     * null (created on first use); empty if the tenant has no policy of that name. Submissions pin it.
     */
    public Optional<PolicyVersion> current(UUID tenantId, String name) {
        return policies.current(HARDWARE, tenantId, name);
    }

    /** One pinned version, as the verifier applies it; versions are immutable once written. */
    public HardwarePolicy version(UUID tenantId, PolicyVersion version) {
        return toPolicy(policies.pinned(HARDWARE, tenantId, version));
    }

    /** Creates a policy at version 1 (or, for a name deleted before, at its next version). */
    public PolicyView create(Caller caller, String name, PolicyContent content) {
        VersionedPolicies.requireValidName(name);
        return policies.create(HARDWARE, caller, name, draft(content));
    }

    /** Writes the next version; {@code expectedVersion} (from If-Match) must be the latest when given. */
    public PolicyView update(Caller caller, String name, Long expectedVersion, PolicyContent content) {
        return policies.update(HARDWARE, caller, name, expectedVersion, () -> draft(content));
    }

    /** Deletes the name: it can no longer be chosen, while verdicts keep naming its versions. */
    public void delete(Caller caller, String name, Long expectedVersion) {
        policies.delete(HARDWARE, caller, name, expectedVersion);
    }

    public PolicyView latest(Caller caller, String name) {
        return policies.latest(HARDWARE, caller, name);
    }

    /** Any version of a live policy. */
    public PolicyView find(Caller caller, String name, int version) {
        return policies.find(HARDWARE, caller, name, version);
    }

    /** The latest version of each live policy, by name. */
    public Page<PolicyView> page(Caller caller, String cursor, int limit) {
        return policies.page(HARDWARE, caller, cursor, limit);
    }

    private static PolicyDraft draft(PolicyContent content) {
        if (content == null) {
            throw VersionedPolicies.bodyRequired();
        }
        PolicyDraft.Result read = PolicyDraft.read(
                content.pcrSelection(),
                content.referenceValues(),
                content.eventLogRequired(),
                content.trustedAkCas(),
                content.trustedEkCas(),
                content.enrolledDeviceRequired());
        if (read.draft() == null) {
            throw Refusal.invalidInput(read.problems());
        }
        return read.draft();
    }

    private static HardwarePolicy toPolicy(HardwarePolicyVersion row) {
        Map<String, Set<String>> values = new TreeMap<>();
        JsonObject json = row.referenceValues();
        json.forEach((key, digests) -> values.put(
                key,
                Set.copyOf(new LinkedHashSet<>(digests.asJsonArray().getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()))));
        return new HardwarePolicy(
                row.name(),
                row.version(),
                row.pcrSelection(),
                values,
                row.eventLogRequired(),
                row.trustedAkCas().isBlank() ? List.of() : Certificates.parse(row.trustedAkCas()),
                row.trustedEkCas().isBlank() ? List.of() : Certificates.parse(row.trustedEkCas()),
                row.enrolledDeviceRequired());
    }
}
