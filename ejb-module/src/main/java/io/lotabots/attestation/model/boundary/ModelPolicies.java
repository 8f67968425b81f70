package io.lotabots.attestation.model.boundary;

import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.model.entity.ModelPolicyName;
import io.lotabots.attestation.model.entity.ModelPolicyVersion;
import io.lotabots.attestation.model.policy.ModelPolicy;
import io.lotabots.attestation.model.policy.ModelPolicyDraft;
import io.lotabots.attestation.model.policy.ModelPolicyText;
import io.lotabots.attestation.policy.PolicyHeads;
import io.lotabots.attestation.policy.PolicyNames;
import io.lotabots.attestation.policy.PolicyPins;
import io.lotabots.attestation.policy.PolicyVersion;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenants' model attestation policies, versioned as hardware policies are ({@link PolicyHeads}):
 * every write a new immutable version, If-Match checked when sent, a {@code default} per tenant made on
 * first use, deleted names hidden while their versions stay.
 */
@Stateless
public class ModelPolicies {

    private static final String SYSTEM = "system";

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ModelPolicyAudit audit;

    @Inject
    PolicyPins pins;

    @Inject
    PolicyHeads heads;

    /** The latest version of the named policy (null: the default, created on first use); empty if none. */
    public Optional<PolicyVersion> current(UUID tenantId, String name) {
        if (name == null || name.equals(PolicyNames.DEFAULT)) {
            ensureDefault(tenantId);
        }
        return heads.live(ModelPolicyName.class, tenantId, name == null ? PolicyNames.DEFAULT : name, LockModeType.NONE)
                .map(head -> new PolicyVersion(head.name(), head.latestVersion()));
    }

    /** One pinned version, as the appraiser applies it; versions are immutable once written. */
    public ModelPolicy version(UUID tenantId, PolicyVersion version) {
        ModelPolicyVersion row = row(tenantId, version.name(), version.version())
                .orElseThrow(() -> Refusal.notFound(
                        "No version " + version.version() + " of model policy " + version.name() + "."));
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
        if (!PolicyNames.valid(name)) {
            throw Refusal.invalidInput(List.of(new FieldProblem("name", PolicyNames.NAME_RULE)));
        }
        ModelPolicyDraft draft = draft(content);
        ensureDefault(caller.tenantId());
        ModelPolicyName head = heads.claim(
                        ModelPolicyName.class,
                        caller.tenantId(),
                        name,
                        () -> new ModelPolicyName(caller.tenantId(), name, clock.instant()))
                .orElseThrow(() -> Refusal.conflict(
                        "The tenant already has a model policy named " + name + "; PUT a new version instead."));
        pins.forgetAtCompletion(AttestationType.MODEL, caller.tenantId(), name);
        ModelPolicyView view = write(head, draft, caller.subject());
        audit.written("model-policy.created", caller, view);
        return view;
    }

    public ModelPolicyView update(Caller caller, String name, Long expectedVersion, ModelPolicyContent content) {
        ensureDefault(caller.tenantId());
        ModelPolicyName head = live(caller.tenantId(), name, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != head.latestVersion()) {
            throw stale(head.latestVersion());
        }
        pins.forgetAtCompletion(AttestationType.MODEL, caller.tenantId(), name);
        ModelPolicyView view = write(head, draft(content), caller.subject());
        audit.written("model-policy.updated", caller, view);
        return view;
    }

    public void delete(Caller caller, String name, Long expectedVersion) {
        if (PolicyNames.DEFAULT.equals(name)) {
            throw Refusal.conflict("The default policy cannot be deleted; PUT a new version instead.");
        }
        ModelPolicyName head = live(caller.tenantId(), name, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != head.latestVersion()) {
            throw stale(head.latestVersion());
        }
        pins.forgetAtCompletion(AttestationType.MODEL, caller.tenantId(), name);
        head.delete(clock.instant());
        audit.deleted(caller, name, head.latestVersion());
    }

    public ModelPolicyView latest(Caller caller, String name) {
        ensureDefault(caller.tenantId());
        ModelPolicyName head = live(caller.tenantId(), name, LockModeType.NONE);
        return view(head.tenantId(), name, head.latestVersion());
    }

    public ModelPolicyView find(Caller caller, String name, int version) {
        ensureDefault(caller.tenantId());
        live(caller.tenantId(), name, LockModeType.NONE);
        return view(caller.tenantId(), name, version);
    }

    public Page<ModelPolicyView> page(Caller caller, String cursor, int limit) {
        ensureDefault(caller.tenantId());
        var names = heads.page(ModelPolicyName.class, caller.tenantId(), cursor, limit);
        return new Page<>(
                names.items().stream()
                        .map(h -> view(h.tenantId(), h.name(), h.latestVersion()))
                        .toList(),
                names.nextCursor());
    }

    private ModelPolicyView write(ModelPolicyName head, ModelPolicyDraft draft, String author) {
        int version = head.nextVersion();
        em.persist(new ModelPolicyVersion(
                head.tenantId(),
                head.name(),
                version,
                ModelPolicyText.pems(draft.trustedKeys()),
                ModelPolicyText.pems(draft.trustedCas()),
                draft.signatureRequired(),
                draft.suspiciousPasses(),
                ModelPolicyText.formats(draft.allowedFormats()),
                draft.maxSizeBytes(),
                author,
                clock.instant()));
        em.flush();
        return view(head.tenantId(), head.name(), version);
    }

    private void ensureDefault(UUID tenantId) {
        heads.insertDefault(ModelPolicyName.class, tenantId, clock.instant()).ifPresent(head -> {
            ModelPolicyView view = write(head, ModelPolicyDraft.DEFAULT, SYSTEM);
            audit.defaultCreated(tenantId, SYSTEM, view);
        });
    }

    private ModelPolicyName live(UUID tenantId, String name, LockModeType lock) {
        return heads.live(ModelPolicyName.class, tenantId, name, lock)
                .orElseThrow(() -> Refusal.notFound("No model policy " + name + "."));
    }

    private ModelPolicyView view(UUID tenantId, String name, int version) {
        ModelPolicyVersion row = row(tenantId, name, version)
                .orElseThrow(() -> Refusal.notFound("No version " + version + " of model policy " + name + "."));
        List<Integer> versions = em.createNamedQuery(ModelPolicyVersion.NUMBERS, Integer.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", name)
                .getResultList();
        return ModelPolicyView.of(row, versions);
    }

    private Optional<ModelPolicyVersion> row(UUID tenantId, String name, int version) {
        return em.createNamedQuery(ModelPolicyVersion.ONE, ModelPolicyVersion.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", name)
                .setParameter("version", version)
                .getResultStream()
                .findFirst();
    }

    private static ModelPolicyDraft draft(ModelPolicyContent content) {
        if (content == null) {
            throw Refusal.invalidInput(List.of(new FieldProblem("body", "is required")));
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

    private static Refusal stale(long latest) {
        return Refusal.staleVersion("If-Match names another version; the latest is " + latest + ".", latest);
    }
}
