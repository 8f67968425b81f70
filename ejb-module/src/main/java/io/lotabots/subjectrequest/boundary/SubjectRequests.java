package io.lotabots.subjectrequest.boundary;

import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.ids.TimeOrderedIds;
import io.lotabots.platform.paging.MalformedCursorException;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.PageCursor;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.retention.boundary.LegalHolds;
import io.lotabots.subjectrequest.control.GdprClock;
import io.lotabots.subjectrequest.control.PersonalData;
import io.lotabots.subjectrequest.entity.RequestState;
import io.lotabots.subjectrequest.entity.RequestType;
import io.lotabots.subjectrequest.entity.SubjectRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Filing and deciding data-subject requests on the GDPR clock. Officers file for anyone of their tenant,
 * subjects for themselves; an erasure needs an officer other than its requester to approve it. Export and
 * erasure jobs start when the change that makes them runnable commits ({@link SubjectRequestTimers#start}).
 */
@Stateless
public class SubjectRequests {

    static final int MAX_REASON = 1000;
    static final int MAX_NOTE = 2000;

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    PersonalData personalData;

    @Inject
    SubjectRequestAudit audit;

    @EJB
    SubjectRequestTimers timers;

    @EJB
    LegalHolds holds;

    @Inject
    Clock clock;

    /** An officer files a request for a subject of the tenant. */
    public SubjectRequestView file(Caller caller, NewSubjectRequest request) {
        var problems = new ArrayList<FieldProblem>();
        RequestType type = type(request.type(), "type", problems, true);
        String subject = request.subject() == null ? null : request.subject().strip();
        if (subject == null || subject.isEmpty()) {
            problems.add(new FieldProblem("subject", "Required: a user id of the tenant or a consent subject's id."));
        } else if (subject.length() > 200) {
            problems.add(new FieldProblem("subject", "At most 200 characters."));
        }
        description(request.description(), type, problems);
        if (problems.isEmpty() && !personalData.known(caller.tenantId(), subject)) {
            problems.add(new FieldProblem("subject", "No user or consent subject of that id in the tenant."));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        return open(caller, type, subject, request.description());
    }

    /** The caller files an export or erasure of their own data. */
    public SubjectRequestView fileOwn(Caller caller, NewSubjectRequest request) {
        var problems = new ArrayList<FieldProblem>();
        RequestType type = type(request.type(), "type", problems, false);
        if (request.subject() != null && !request.subject().equals(caller.subject())) {
            problems.add(new FieldProblem("subject", "Leave it out, or give your own id: you file for yourself."));
        }
        description(request.description(), type, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        return open(caller, type, caller.subject(), request.description());
    }

    private SubjectRequestView open(Caller caller, RequestType type, String subject, String description) {
        Instant now = clock.instant();
        var request = new SubjectRequest(
                TimeOrderedIds.next(),
                caller.tenantId(),
                type,
                subject,
                blankToNull(description),
                caller.subject(),
                caller.name(),
                now,
                GdprClock.due(now));
        em.persist(request);
        em.flush();
        audit.record(
                caller,
                "privacy.request.filed",
                request,
                "dueAt",
                request.dueAt().toString());
        if (request.state() == RequestState.PENDING) {
            timers.start(request.id());
        }
        return SubjectRequestView.of(request, now);
    }

    public SubjectRequestView find(Caller caller, UUID id) {
        return SubjectRequestView.of(require(caller, id, false), clock.instant());
    }

    /** The caller's own request (as its subject), or 404. */
    public SubjectRequestView findOwn(Caller caller, UUID id) {
        return SubjectRequestView.of(requireOwn(caller, id), clock.instant());
    }

    /** Open requests first, by due date (so the overdue lead), then closed ones. */
    @SuppressWarnings("unchecked")
    public Page<SubjectRequestView> page(UUID tenantId, RequestFilter filter, String cursor, int limit) {
        var problems = new ArrayList<FieldProblem>();
        RequestState state = filter.state() == null ? null : state(filter.state(), problems);
        RequestType type = filter.type() == null ? null : type(filter.type(), "type", problems, true);
        List<String> after = null;
        if (cursor != null) {
            after = PageCursor.parts(cursor, 3);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        var sql = new StringBuilder("select * from lotabots.subject_request where tenant_id = ?1");
        if (state != null) {
            sql.append(" and state = ?2");
        }
        if (type != null) {
            sql.append(" and type = ?3");
        }
        if (filter.subject() != null) {
            sql.append(" and subject = ?4");
        }
        if (after != null) {
            sql.append(" and ((state in ('COMPLETED', 'REJECTED')), due_at, id) > (?5, ?6, ?7)");
        }
        sql.append(" order by (state in ('COMPLETED', 'REJECTED')), due_at, id");
        var query = em.createNativeQuery(sql.toString(), SubjectRequest.class).setParameter(1, tenantId);
        if (state != null) {
            query.setParameter(2, state.name());
        }
        if (type != null) {
            query.setParameter(3, type.name());
        }
        if (filter.subject() != null) {
            query.setParameter(4, filter.subject());
        }
        if (after != null) {
            try {
                query.setParameter(5, Boolean.parseBoolean(after.get(0)));
                query.setParameter(6, OffsetDateTime.ofInstant(Instant.parse(after.get(1)), ZoneOffset.UTC));
                query.setParameter(7, UUID.fromString(after.get(2)));
            } catch (RuntimeException e) {
                throw new MalformedCursorException();
            }
        }
        Instant now = clock.instant();
        List<SubjectRequest> rows = query.setMaxResults(limit + 1).getResultList();
        return Page.of(
                rows,
                limit,
                r -> SubjectRequestView.of(r, now),
                r -> PageCursor.after(
                        Boolean.toString(r.state().closed()), r.dueAt().toString(), r.id().toString()));
    }

    /** The tenant's requests by state, and how many open ones are overdue (the overview's tile). */
    @SuppressWarnings("unchecked")
    public RequestCounts counts(UUID tenantId) {
        var byState = new java.util.EnumMap<RequestState, Long>(RequestState.class);
        for (RequestState state : RequestState.values()) {
            byState.put(state, 0L);
        }
        List<Object[]> rows = em.createNativeQuery(
                        "select state, count(*) from lotabots.subject_request where tenant_id = ?1 group by state")
                .setParameter(1, tenantId)
                .getResultList();
        rows.forEach(r -> byState.put(RequestState.valueOf((String) r[0]), ((Number) r[1]).longValue()));
        long overdue = ((Number)
                        em.createNativeQuery("select count(*) from lotabots.subject_request where tenant_id = ?1"
                                        + " and state not in ('COMPLETED', 'REJECTED') and due_at < ?2")
                                .setParameter(1, tenantId)
                                .setParameter(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                                .getSingleResult())
                .longValue();
        return new RequestCounts(overdue, byState);
    }

    /** Requests of a tenant: overdue open ones, and every state's count. */
    public record RequestCounts(long overdue, java.util.Map<RequestState, Long> byState) {}

    /** Extends the due date once (Art. 12(3)), with the reason the subject is told. */
    public SubjectRequestView extend(Caller caller, UUID id, Integer days, String reason) {
        SubjectRequest request = require(caller, id, true);
        var problems = new ArrayList<FieldProblem>();
        if (days == null || days < 1 || days > GdprClock.MAX_EXTENSION.toDays()) {
            problems.add(new FieldProblem("days", "Required: 1 to " + GdprClock.MAX_EXTENSION.toDays() + "."));
        }
        reason(reason, "reason", true, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        if (request.state().closed()) {
            throw Refusal.conflict("The request is " + request.state() + ": there is nothing to extend.");
        }
        if (request.extensionReason() != null) {
            throw Refusal.conflict("The request was extended already; the GDPR allows one extension.");
        }
        Instant now = clock.instant();
        request.extend(GdprClock.extended(request.receivedAt(), days), reason.strip(), caller.subject(), now);
        audit.record(
                caller,
                "privacy.request.extended",
                request,
                "dueAt",
                request.dueAt().toString(),
                "reason",
                reason);
        return SubjectRequestView.of(request, now);
    }

    /** An officer other than the requester approves or rejects an erasure. */
    public SubjectRequestView decide(Caller caller, UUID id, Boolean approve, String reason) {
        SubjectRequest request = require(caller, id, true);
        var problems = new ArrayList<FieldProblem>();
        if (approve == null) {
            problems.add(new FieldProblem("approve", "Required: true approves the erasure, false rejects it."));
        }
        reason(reason, "reason", true, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        if (request.type() != RequestType.ERASURE) {
            throw Refusal.conflict("Only erasure requests need an approval.");
        }
        if (request.state() != RequestState.AWAITING_APPROVAL) {
            throw Refusal.conflict("The erasure was decided already (" + request.state() + ").");
        }
        if (caller.subject().equals(request.requestedBy()) || caller.subject().equals(request.subject())) {
            throw Refusal.forbidden("An erasure is approved by an officer other than its requester and its subject.");
        }
        if (approve) {
            requireNoHold(request);
        }
        Instant now = clock.instant();
        request.decide(approve, caller.subject(), caller.name(), reason.strip(), now);
        audit.record(
                caller, approve ? "privacy.erasure.approved" : "privacy.erasure.rejected", request, "reason", reason);
        if (approve) {
            timers.start(request.id());
        }
        return SubjectRequestView.of(request, now);
    }

    /** An erasure is not approved while a legal hold covers the subject's data (GDPR Art. 17(3)(e)): 409 naming the holds. */
    private void requireNoHold(SubjectRequest request) {
        var blocking = holds.blockingErasureOf(request.tenantId(), request.subject());
        if (!blocking.isEmpty()) {
            throw Refusal.conflict("The subject's data is under legal hold ("
                    + String.join(
                            ", ", blocking.stream().map(h -> h.id().toString()).toList())
                    + "); approve the erasure once the holds are released, or reject it.");
        }
    }

    /** An officer closes a rectification with what was corrected. */
    public SubjectRequestView complete(Caller caller, UUID id, String note) {
        SubjectRequest request = require(caller, id, true);
        var problems = new ArrayList<FieldProblem>();
        reason(note, "note", true, problems);
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(new FieldProblem("note", "At most " + MAX_NOTE + " characters."));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        if (request.type() != RequestType.RECTIFICATION || request.state() != RequestState.OPEN) {
            throw Refusal.conflict("Only an open rectification is completed by hand.");
        }
        Instant now = clock.instant();
        request.completeRectification(note.strip(), caller.subject(), caller.name(), now);
        audit.record(caller, "privacy.rectification.completed", request, "note", note);
        return SubjectRequestView.of(request, now);
    }

    /** Takes a FAILED job up again: it resumes after the steps it had finished. */
    public SubjectRequestView retry(Caller caller, UUID id) {
        SubjectRequest request = require(caller, id, true);
        if (request.state() != RequestState.FAILED) {
            throw Refusal.conflict("Only a failed job is retried; this one is " + request.state() + ".");
        }
        Instant now = clock.instant();
        request.retry(now);
        audit.record(caller, "privacy.request.retried", request, "step", String.valueOf(request.step()));
        timers.start(request.id());
        return SubjectRequestView.of(request, now);
    }

    /** The tenant's request of that id, or 404 (another tenant's included); public: other beans call it. */
    public SubjectRequest require(Caller caller, UUID id, boolean forUpdate) {
        SubjectRequest request = forUpdate
                ? em.find(SubjectRequest.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(SubjectRequest.class, id);
        if (request == null || !request.tenantId().equals(caller.tenantId())) {
            throw Refusal.notFound("No data-subject request of that id in the tenant.");
        }
        return request;
    }

    /** The caller's own request (as its subject), or 404. */
    public SubjectRequest requireOwn(Caller caller, UUID id) {
        SubjectRequest request = require(caller, id, false);
        if (!request.subject().equals(caller.subject())) {
            throw Refusal.notFound("No data-subject request of yours with that id.");
        }
        return request;
    }

    private static RequestType type(String value, String field, List<FieldProblem> problems, boolean any) {
        String allowed = any ? "export, erasure or rectification" : "export or erasure";
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "Required: " + allowed + "."));
            return null;
        }
        try {
            RequestType type = RequestType.valueOf(value.strip().toUpperCase(Locale.ROOT));
            if (!any && type == RequestType.RECTIFICATION) {
                problems.add(
                        new FieldProblem(field, "A rectification is filed by an officer; yours: " + allowed + "."));
                return null;
            }
            return type;
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "One of " + allowed + "."));
            return null;
        }
    }

    private static RequestState state(String value, List<FieldProblem> problems) {
        try {
            return RequestState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(
                    "state",
                    "One of "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(RequestState.values())
                                            .map(s -> s.name().toLowerCase(Locale.ROOT))
                                            .toList())
                            + "."));
            return null;
        }
    }

    private static void description(String description, RequestType type, List<FieldProblem> problems) {
        if (description != null && description.length() > MAX_NOTE) {
            problems.add(new FieldProblem("description", "At most " + MAX_NOTE + " characters."));
        } else if (type == RequestType.RECTIFICATION && (description == null || description.isBlank())) {
            problems.add(new FieldProblem("description", "Required for a rectification: what is to be corrected."));
        }
    }

    private static void reason(String reason, String field, boolean required, List<FieldProblem> problems) {
        if (reason == null || reason.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "Required."));
            }
        } else if (reason.length() > MAX_REASON && !field.equals("note")) {
            problems.add(new FieldProblem(field, "At most " + MAX_REASON + " characters."));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
