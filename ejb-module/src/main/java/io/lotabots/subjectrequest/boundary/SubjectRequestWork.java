package io.lotabots.subjectrequest.boundary;

import io.lotabots.audit.boundary.AuditPseudonymisation;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.boundary.SessionTermination;
import io.lotabots.model.boundary.Models;
import io.lotabots.platform.json.Json;
import io.lotabots.retention.boundary.LegalHolds;
import io.lotabots.retention.boundary.RetentionSettings;
import io.lotabots.subjectrequest.control.ErasureStep;
import io.lotabots.subjectrequest.control.ErasureSteps;
import io.lotabots.subjectrequest.control.PersonalData;
import io.lotabots.subjectrequest.entity.RequestState;
import io.lotabots.subjectrequest.entity.RequestType;
import io.lotabots.subjectrequest.entity.SubjectRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The steps of export and erasure jobs, each in a transaction of its own (PostgreSQL, plus S3 deletions
 * that are safe to repeat). The claim takes a lease the way attestation jobs do: a job is PROCESSING for
 * one attempt at a time, and one whose lease ran out may be claimed again, with the attempt number checked
 * by every later step so that a slow worker cannot conclude what another took over.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SubjectRequestWork {

    static final String CLAIM = "update lotabots.subject_request set state = 'PROCESSING', attempts = attempts + 1,"
            + " updated_at = ?1, version = version + 1 where id = ?2 and attempts < ?3 and case state"
            + " when 'PENDING' then true when 'PROCESSING' then updated_at <= ?4 else false end returning attempts";

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    PersonalData personalData;

    @Inject
    ErasureSteps erasure;

    @Inject
    Models models;

    @EJB
    LegalHolds holds;

    @EJB
    SessionTermination sessions;

    @EJB
    AuditPseudonymisation auditTrail;

    @Inject
    SubjectRequestAudit audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lotabots.privacy.request.lease", defaultValue = "PT5M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "lotabots.privacy.request.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    RetentionSettings retention;

    /** Starts an attempt, unless the job is not runnable, leased by a live worker, or out of attempts. */
    public Optional<JobTicket> claim(UUID id) {
        Instant now = clock.instant();
        List<?> claimed = em.createNativeQuery(CLAIM)
                .setParameter(1, utc(now))
                .setParameter(2, id)
                .setParameter(3, maxAttempts)
                .setParameter(4, utc(now.minus(lease)))
                .getResultList();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        int attempt = ((Number) claimed.get(0)).intValue();
        SubjectRequest request = em.find(SubjectRequest.class, id);
        em.refresh(request);
        Caller actor = request.type() == RequestType.ERASURE
                ? new Caller(request.tenantId(), request.decidedBy(), request.decidedByName(), Set.of())
                : new Caller(request.tenantId(), request.requestedBy(), request.requestedByName(), Set.of());
        return Optional.of(new JobTicket(
                id, request.tenantId(), request.type(), request.subject(), attempt, request.stepsDone(), actor));
    }

    /** Everything of the subject's, read in one transaction so the categories agree with each other. */
    public Gathered gather(JobTicket ticket) {
        var categories = new LinkedHashMap<String, String>();
        for (String name : personalData.categories()) {
            categories.put(name, personalData.category(ticket.tenantId(), ticket.subject(), name));
        }
        return new Gathered(categories, personalData.files(ticket.tenantId(), ticket.subject()));
    }

    /** Concludes an export with its archive; false when the attempt is no longer the job's (then the caller removes it). */
    public boolean exported(JobTicket ticket, String key, String sha256, long size, int files) {
        SubjectRequest request = current(ticket);
        if (request == null) {
            return false;
        }
        Instant now = clock.instant();
        var kept = retention.exports();
        request.exported(key, sha256, size, kept.forever() ? null : now.plus(kept.period()), now);
        audit.record(
                ticket.actor(),
                "privacy.export.completed",
                request,
                "sha256",
                sha256,
                "size",
                Long.toString(size),
                "files",
                Integer.toString(files));
        return true;
    }

    /**
     * Whether a legal hold placed since the approval stops the erasure: then the job is FAILED before it deletes
     * anything (audited, naming the holds) and an officer retries it once they are released.
     */
    public boolean heldBack(JobTicket ticket) {
        var blocking = holds.blockingErasureOf(ticket.tenantId(), ticket.subject());
        if (blocking.isEmpty()) {
            return false;
        }
        SubjectRequest request = current(ticket);
        if (request != null) {
            String reason = "Under legal hold ("
                    + String.join(
                            ", ", blocking.stream().map(h -> h.id().toString()).toList())
                    + "): retry once the holds are released.";
            request.failed(reason, clock.instant());
            audit.failed(ticket.actor(), request, request.step(), reason);
        }
        return true;
    }

    /** Runs one erasure step and records it as done, with its count in the certificate being built. */
    public boolean erasureStep(JobTicket ticket, ErasureStep step) {
        SubjectRequest request = current(ticket);
        if (request == null || request.stepsDone() != step.ordinal()) {
            return false;
        }
        String pseudonym = pseudonym(request);
        int count = run(step, ticket, pseudonym);
        var counts = counts(request.certificate());
        counts.put(step.name().toLowerCase(java.util.Locale.ROOT), count);
        int done = step.ordinal() + 1;
        request.stepDone(
                done, done < ErasureStep.values().length ? ErasureStep.at(done).name() : null, clock.instant());
        var countsJson = Json.createObjectBuilder();
        counts.forEach((name, n) -> countsJson.add(name, n));
        request.progress(
                Json.createObjectBuilder().add("counts", countsJson).build().toString());
        audit.record(
                ticket.actor(), "privacy.erasure.step", request, "step", step.name(), "count", Integer.toString(count));
        return true;
    }

    private int run(ErasureStep step, JobTicket ticket, String pseudonym) {
        UUID tenant = ticket.tenantId();
        String subject = ticket.subject();
        return switch (step) {
            case EXPORTS -> erasure.exports(tenant, subject);
            case DOCUMENTS -> erasure.documents(tenant, subject, pseudonym);
            case MODELS -> {
                var ids = erasure.models(tenant, subject);
                ids.forEach(id -> models.delete(ticket.actor(), id));
                yield ids.size();
            }
            case CONSENTS -> erasure.consents(tenant, subject, pseudonym);
            case ATTESTATIONS -> erasure.attestations(tenant, subject, pseudonym);
            case ACCOUNT -> {
                endSessions(subject);
                yield erasure.account(tenant, subject, pseudonym);
            }
            case REQUESTS -> erasure.requests(tenant, subject, pseudonym);
            case AUDIT_EVENTS -> auditTrail.erase(tenant, subject, pseudonym, clock.instant());
        };
    }

    private void endSessions(String subject) {
        try {
            sessions.endSessionsOfUser(UUID.fromString(subject), "erased");
        } catch (IllegalArgumentException notAUser) {
            // a consent subject who is no user has no sessions
        }
    }

    /** Completes an erasure whose steps are all done: the certificate, then the audit event that vouches for it. */
    public Optional<String> finishErasure(JobTicket ticket) {
        SubjectRequest request = current(ticket);
        if (request == null || request.stepsDone() != ErasureStep.values().length) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var kept = new ErasureCertificate.AuditEventsKept(
                auditTrail.eventsOf(ticket.tenantId(), ticket.subject()),
                auditTrail.formatOneEventsOf(ticket.tenantId(), ticket.subject()));
        String certificate =
                ErasureCertificate.of(request, counts(request.certificate()), kept, pseudonym(request), now);
        request.erased(certificate, now);
        audit.record(
                ticket.actor(),
                "privacy.erasure.completed",
                request,
                "certificateSha256",
                ErasureCertificate.sha256(certificate));
        return Optional.of(certificate);
    }

    /**
     * After a failed attempt: PENDING again while attempts are left (the caller starts it again), else FAILED
     * with the step and the reason, audited. Returns whether it is to be tried again.
     */
    public boolean failedAttempt(JobTicket ticket, String reason) {
        SubjectRequest request = current(ticket);
        if (request == null) {
            return false;
        }
        Instant now = clock.instant();
        String cut = reason.length() > 500 ? reason.substring(0, 500) : reason;
        if (ticket.attempt() < maxAttempts) {
            request.retryLater(cut, now);
            return true;
        }
        request.failed(cut, now);
        audit.failed(ticket.actor(), request, request.step(), cut);
        return false;
    }

    /** Jobs whose lease ran out: those with attempts left to start again, the others FAILED (audited). */
    @SuppressWarnings("unchecked")
    public List<UUID> expiredLeases() {
        Instant cutoff = clock.instant().minus(lease);
        List<SubjectRequest> stale = em.createNativeQuery(
                        "select * from lotabots.subject_request where state in ('PENDING', 'PROCESSING')"
                                + " and updated_at <= ?1 order by updated_at limit 100 for update skip locked",
                        SubjectRequest.class)
                .setParameter(1, utc(cutoff))
                .getResultList();
        var runnable = new java.util.ArrayList<UUID>();
        for (SubjectRequest request : stale) {
            if (request.attempts() < maxAttempts) {
                runnable.add(request.id());
            } else {
                request.failed(
                        "No attempt finished within the lease " + lease + " (" + request.attempts() + " attempts).",
                        clock.instant());
                Caller actor = new Caller(request.tenantId(), "system", null, Set.of());
                audit.failed(actor, request, request.step(), request.failureReason());
            }
        }
        return runnable;
    }

    private SubjectRequest current(JobTicket ticket) {
        SubjectRequest request =
                em.find(SubjectRequest.class, ticket.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (request == null || request.state() != RequestState.PROCESSING || request.attempts() != ticket.attempt()) {
            return null;
        }
        return request;
    }

    static String pseudonym(SubjectRequest request) {
        return "erased-" + request.id();
    }

    private static Map<String, Integer> counts(String partial) {
        var counts = new LinkedHashMap<String, Integer>();
        if (partial != null) {
            JsonObject json = Json.createReader(new StringReader(partial)).readObject();
            json.getJsonObject("counts").forEach((k, v) -> counts.put(k, ((jakarta.json.JsonNumber) v).intValue()));
        }
        return counts;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The subject's data as read for an export: JSON per category, and their stored files. */
    public record Gathered(Map<String, String> categories, List<PersonalData.StoredFile> files) {}
}
