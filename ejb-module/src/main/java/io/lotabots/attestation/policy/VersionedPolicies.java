package io.lotabots.attestation.policy;

import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The lifecycle every type's policies share, in the calling boundary's transaction: every write a new
 * immutable version, If-Match checked when sent, a {@code default} per tenant made on first use, deleted
 * names hidden while their versions stay (verdicts name them), each change audited and the pinned versions
 * forgotten at commit. A type's boundary validates its content into a draft and converts rows into what its
 * appraiser applies; everything else is here.
 */
@Dependent
public class VersionedPolicies {

    private static final String SYSTEM = "system";

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PolicyHeads heads;

    @Inject
    PolicyPins pins;

    @Inject
    PolicyAudit audit;

    /**
     * The latest version of the named policy, or of the tenant's default policy when {@code name} is null
     * (created on first use); empty if the tenant has no live policy of that name. Submissions pin it.
     */
    public <H extends PolicyHead> Optional<PolicyVersion> current(
            PolicyKind<H, ?, ?, ?> kind, UUID tenantId, String name) {
        String wanted = name == null ? PolicyNames.DEFAULT : name;
        if (wanted.equals(PolicyNames.DEFAULT)) {
            ensureDefault(kind, tenantId);
        }
        return heads.live(kind.headType(), tenantId, wanted, LockModeType.NONE)
                .map(head -> new PolicyVersion(head.name(), head.latestVersion()));
    }

    /** One pinned version's row, as the type's appraiser applies it; versions are immutable once written. */
    public <R> R pinned(PolicyKind<?, R, ?, ?> kind, UUID tenantId, PolicyVersion version) {
        return row(kind, tenantId, version.name(), version.version())
                .orElseThrow(() -> noVersion(kind, version.name(), version.version()));
    }

    /** Version 1 of a new name (or, for a name deleted before, its next version). */
    public <H extends PolicyHead, D, V> V create(PolicyKind<H, ?, D, V> kind, Caller caller, String name, D draft) {
        ensureDefault(kind, caller.tenantId());
        H head = heads.claim(
                        kind.headType(),
                        caller.tenantId(),
                        name,
                        () -> kind.newHead(caller.tenantId(), name, clock.instant()))
                .orElseThrow(() -> Refusal.conflict(
                        "The tenant already has a " + kind.noun() + " named " + name + "; PUT a new version instead."));
        pins.forgetAtCompletion(kind.type(), caller.tenantId(), name);
        V view = write(kind, head, draft, caller.subject());
        audit.written(kind, "created", caller, head.name(), head.latestVersion(), view);
        return view;
    }

    /**
     * Writes the next version; {@code expectedVersion} (from If-Match) must be the latest when given. The
     * content is validated only once the name is found, so another tenant's name answers 404 whatever the body.
     */
    public <H extends PolicyHead, D, V> V update(
            PolicyKind<H, ?, D, V> kind, Caller caller, String name, Long expectedVersion, Supplier<D> content) {
        ensureDefault(kind, caller.tenantId());
        H head = live(kind, caller.tenantId(), name, LockModeType.PESSIMISTIC_WRITE);
        requireLatest(head, expectedVersion);
        D draft = content.get();
        pins.forgetAtCompletion(kind.type(), caller.tenantId(), name);
        V view = write(kind, head, draft, caller.subject());
        audit.written(kind, "updated", caller, head.name(), head.latestVersion(), view);
        return view;
    }

    /** Deletes the name: it can no longer be chosen, while verdicts keep naming its versions. */
    public <H extends PolicyHead> void delete(
            PolicyKind<H, ?, ?, ?> kind, Caller caller, String name, Long expectedVersion) {
        if (PolicyNames.DEFAULT.equals(name)) {
            throw Refusal.conflict("The default policy cannot be deleted; PUT a new version instead.");
        }
        H head = live(kind, caller.tenantId(), name, LockModeType.PESSIMISTIC_WRITE);
        requireLatest(head, expectedVersion);
        pins.forgetAtCompletion(kind.type(), caller.tenantId(), name);
        head.delete(clock.instant());
        audit.deleted(kind, caller, name, head.latestVersion());
    }

    /** The latest version of a live policy. */
    public <H extends PolicyHead, V> V latest(PolicyKind<H, ?, ?, V> kind, Caller caller, String name) {
        ensureDefault(kind, caller.tenantId());
        H head = live(kind, caller.tenantId(), name, LockModeType.NONE);
        return view(kind, head.tenantId(), name, head.latestVersion());
    }

    /** Any version of a live policy. */
    public <V> V find(PolicyKind<?, ?, ?, V> kind, Caller caller, String name, int version) {
        ensureDefault(kind, caller.tenantId());
        live(kind, caller.tenantId(), name, LockModeType.NONE);
        return view(kind, caller.tenantId(), name, version);
    }

    /** The latest version of each live policy, by name. */
    public <H extends PolicyHead, V> Page<V> page(
            PolicyKind<H, ?, ?, V> kind, Caller caller, String cursor, int limit) {
        ensureDefault(kind, caller.tenantId());
        var names = heads.page(kind.headType(), caller.tenantId(), cursor, limit);
        return new Page<>(
                names.items().stream()
                        .map(h -> view(kind, h.tenantId(), h.name(), h.latestVersion()))
                        .toList(),
                names.nextCursor());
    }

    /** A name the API takes for a new policy, or a 400 naming the field. */
    public static void requireValidName(String name) {
        if (!PolicyNames.valid(name)) {
            throw Refusal.invalidInput(List.of(new FieldProblem("name", PolicyNames.NAME_RULE)));
        }
    }

    /** The 400 for a request without a body. */
    public static Refusal bodyRequired() {
        return Refusal.invalidInput(List.of(new FieldProblem("body", "is required")));
    }

    private <H extends PolicyHead, R, D, V> V write(PolicyKind<H, R, D, V> kind, H head, D draft, String author) {
        int version = head.nextVersion();
        em.persist(kind.newRow(head, version, draft, author, clock.instant()));
        em.flush();
        return view(kind, head.tenantId(), head.name(), version);
    }

    /** Creates the tenant's default policy unless it exists; concurrent first uses create it once. */
    private <H extends PolicyHead, D, V> void ensureDefault(PolicyKind<H, ?, D, V> kind, UUID tenantId) {
        heads.insertDefault(kind.headType(), tenantId, clock.instant()).ifPresent(head -> {
            V view = write(kind, head, kind.defaultDraft(), SYSTEM);
            audit.defaultCreated(kind, tenantId, SYSTEM, head.name(), head.latestVersion(), view);
        });
    }

    private <H extends PolicyHead> H live(PolicyKind<H, ?, ?, ?> kind, UUID tenantId, String name, LockModeType lock) {
        return heads.live(kind.headType(), tenantId, name, lock)
                .orElseThrow(() -> Refusal.notFound("No " + kind.noun() + " " + name + "."));
    }

    private <R, V> V view(PolicyKind<?, R, ?, V> kind, UUID tenantId, String name, int version) {
        R row = row(kind, tenantId, name, version).orElseThrow(() -> noVersion(kind, name, version));
        List<Integer> versions = em.createNamedQuery(kind.versionNumbersQuery(), Integer.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", name)
                .getResultList();
        return kind.view(row, versions);
    }

    private <R> Optional<R> row(PolicyKind<?, R, ?, ?> kind, UUID tenantId, String name, int version) {
        return em.createNamedQuery(kind.oneVersionQuery(), kind.rowType())
                .setParameter("tenantId", tenantId)
                .setParameter("name", name)
                .setParameter("version", version)
                .getResultStream()
                .findFirst();
    }

    private static Refusal noVersion(PolicyKind<?, ?, ?, ?> kind, String name, int version) {
        return Refusal.notFound("No version " + version + " of " + kind.noun() + " " + name + ".");
    }

    /** If-Match named another version than the latest, which the client should read first. */
    private static void requireLatest(PolicyHead head, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != head.latestVersion()) {
            throw Refusal.staleVersion(
                    "If-Match names another version; the latest is " + head.latestVersion() + ".",
                    head.latestVersion());
        }
    }
}
