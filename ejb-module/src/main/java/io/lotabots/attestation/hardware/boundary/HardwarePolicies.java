package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.hardware.entity.HardwarePolicyName;
import io.lotabots.attestation.hardware.entity.HardwarePolicyVersion;
import io.lotabots.attestation.hardware.policy.HardwarePolicy;
import io.lotabots.attestation.hardware.policy.PolicyDraft;
import io.lotabots.attestation.hardware.tpm.Certificates;
import io.lotabots.attestation.policy.PolicyHeads;
import io.lotabots.attestation.policy.PolicyNames;
import io.lotabots.attestation.policy.PolicyPins;
import io.lotabots.attestation.policy.PolicyVersion;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.json.Json;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The tenants' hardware attestation policies: versioned, with a default policy per tenant. */
@Stateless
public class HardwarePolicies {

    public static final String DEFAULT = HardwarePolicy.DEFAULT_NAME;
    private static final String SYSTEM = "system";

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PolicyAudit audit;

    @Inject
    PolicyPins pins;

    @Inject
    PolicyHeads heads;

    /**
     * The latest version of the named policy, or of the tenant's default policy when {@code name} is
     * null (created on first use); empty if the tenant has no policy of that name. Submissions pin it.
     */
    public Optional<PolicyVersion> current(UUID tenantId, String name) {
        if (name == null || name.equals(DEFAULT)) {
            ensureDefault(tenantId);
        }
        return heads.live(HardwarePolicyName.class, tenantId, name == null ? DEFAULT : name, LockModeType.NONE)
                .map(head -> new PolicyVersion(head.name(), head.latestVersion()));
    }

    /** One pinned version, as the verifier applies it; versions are immutable once written. */
    public HardwarePolicy version(UUID tenantId, PolicyVersion version) {
        HardwarePolicyVersion row = row(tenantId, version.name(), version.version())
                .orElseThrow(() ->
                        Refusal.notFound("No version " + version.version() + " of policy " + version.name() + "."));
        return toPolicy(row);
    }

    /** Creates a policy at version 1 (or, for a name deleted before, at its next version). */
    public PolicyView create(Caller caller, String name, PolicyContent content) {
        if (!PolicyNames.valid(name)) {
            throw Refusal.invalidInput(List.of(new FieldProblem("name", PolicyNames.NAME_RULE)));
        }
        PolicyDraft draft = draft(content);
        ensureDefault(caller.tenantId());
        HardwarePolicyName head = heads.claim(
                        HardwarePolicyName.class,
                        caller.tenantId(),
                        name,
                        () -> new HardwarePolicyName(caller.tenantId(), name, clock.instant()))
                .orElseThrow(() -> Refusal.conflict(
                        "The tenant already has a policy named " + name + "; PUT a new version instead."));
        pins.forgetAtCompletion(AttestationType.HARDWARE, caller.tenantId(), name);
        PolicyView view = write(head, draft, caller.subject());
        audit.written("hardware-policy.created", caller, view);
        return view;
    }

    /** Writes the next version; {@code expectedVersion} (from If-Match) must be the latest when given. */
    public PolicyView update(Caller caller, String name, Long expectedVersion, PolicyContent content) {
        ensureDefault(caller.tenantId());
        HardwarePolicyName head = live(caller.tenantId(), name, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != head.latestVersion()) {
            throw stale(head.latestVersion());
        }
        pins.forgetAtCompletion(AttestationType.HARDWARE, caller.tenantId(), name);
        PolicyView view = write(head, draft(content), caller.subject());
        audit.written("hardware-policy.updated", caller, view);
        return view;
    }

    /** Deletes the name: it can no longer be chosen, while verdicts keep naming its versions. */
    public void delete(Caller caller, String name, Long expectedVersion) {
        if (DEFAULT.equals(name)) {
            throw Refusal.conflict("The default policy cannot be deleted; PUT a new version instead.");
        }
        HardwarePolicyName head = live(caller.tenantId(), name, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != head.latestVersion()) {
            throw stale(head.latestVersion());
        }
        pins.forgetAtCompletion(AttestationType.HARDWARE, caller.tenantId(), name);
        head.delete(clock.instant());
        audit.deleted(caller, name, head.latestVersion());
    }

    public PolicyView latest(Caller caller, String name) {
        ensureDefault(caller.tenantId());
        HardwarePolicyName head = live(caller.tenantId(), name, LockModeType.NONE);
        return view(head.tenantId(), name, head.latestVersion());
    }

    /** Any version of a live policy. */
    public PolicyView find(Caller caller, String name, int version) {
        ensureDefault(caller.tenantId());
        live(caller.tenantId(), name, LockModeType.NONE);
        return view(caller.tenantId(), name, version);
    }

    /** The latest version of each live policy, by name. */
    public Page<PolicyView> page(Caller caller, String cursor, int limit) {
        ensureDefault(caller.tenantId());
        var names = heads.page(HardwarePolicyName.class, caller.tenantId(), cursor, limit);
        return new Page<>(
                names.items().stream()
                        .map(h -> view(h.tenantId(), h.name(), h.latestVersion()))
                        .toList(),
                names.nextCursor());
    }

    private PolicyView write(HardwarePolicyName head, PolicyDraft draft, String author) {
        int version = head.nextVersion();
        var values = Json.createObjectBuilder();
        draft.referenceValues()
                .forEach((key, digests) -> values.add(key, Json.createArrayBuilder(List.copyOf(digests))));
        em.persist(new HardwarePolicyVersion(
                head.tenantId(),
                head.name(),
                version,
                draft.pcrSelection(),
                values.build(),
                draft.eventLogRequired(),
                Certificates.toPem(draft.trustedAkCas()),
                Certificates.toPem(draft.trustedEkCas()),
                draft.enrolledDeviceRequired(),
                author,
                clock.instant()));
        em.flush();
        return view(head.tenantId(), head.name(), version);
    }

    /** Creates the tenant's default policy unless it exists; concurrent first uses create it once. */
    private void ensureDefault(UUID tenantId) {
        heads.insertDefault(HardwarePolicyName.class, tenantId, clock.instant()).ifPresent(head -> {
            PolicyView view = write(head, PolicyDraft.DEFAULT, SYSTEM);
            audit.defaultCreated(tenantId, SYSTEM, view);
        });
    }

    private HardwarePolicyName live(UUID tenantId, String name, LockModeType lock) {
        return heads.live(HardwarePolicyName.class, tenantId, name, lock)
                .orElseThrow(() -> Refusal.notFound("No policy " + name + "."));
    }

    private PolicyView view(UUID tenantId, String name, int version) {
        HardwarePolicyVersion row = row(tenantId, name, version)
                .orElseThrow(() -> Refusal.notFound("No version " + version + " of policy " + name + "."));
        List<Integer> versions = em.createNamedQuery(HardwarePolicyVersion.NUMBERS, Integer.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", name)
                .getResultList();
        return PolicyView.of(row, versions);
    }

    private Optional<HardwarePolicyVersion> row(UUID tenantId, String name, int version) {
        return em.createNamedQuery(HardwarePolicyVersion.ONE, HardwarePolicyVersion.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", name)
                .setParameter("version", version)
                .getResultStream()
                .findFirst();
    }

    private static PolicyDraft draft(PolicyContent content) {
        if (content == null) {
            throw Refusal.invalidInput(List.of(new FieldProblem("body", "is required")));
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

    /** If-Match named another version than the latest, which the client should read first. */
    private static Refusal stale(long latest) {
        return Refusal.staleVersion("If-Match names another version; the latest is " + latest + ".", latest);
    }
}
