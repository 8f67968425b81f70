package io.lotabots.consent.boundary;

import io.lotabots.consent.control.ConsentReceipt;
import io.lotabots.consent.control.PurposeRules;
import io.lotabots.consent.entity.ConsentPurpose;
import io.lotabots.consent.entity.ConsentRecord;
import io.lotabots.consent.entity.ConsentSource;
import io.lotabots.consent.entity.ConsentState;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Tenant;
import io.lotabots.platform.ids.TimeOrderedIds;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.TimeIdCursor;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Grants and withdrawals: recorded by the subject themself (self-service) or by an officer who collected them
 * elsewhere, each an append-only record with a Kantara-style receipt, audited; the current state per subject
 * and purpose; the officers' search over states and history.
 */
@Stateless
public class Consents {

    static final String STATE_FILTER_VALUES = "granted, withdrawn";

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @EJB
    ConsentPurposes purposes;

    @Inject
    ConsentStates states;

    @Inject
    ConsentAudit audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lotabots.consent.jurisdiction", defaultValue = "EU")
    String jurisdiction;

    @Inject
    @ConfigProperty(name = "lotabots.consent.controller-contact", defaultValue = "the tenant's data protection officer")
    String controllerContact;

    /** An officer records a subject's grant or withdrawal collected elsewhere ({@code source} RECORDED or CONSOLE). */
    public ConsentRecordView record(Caller caller, ConsentChange change, ConsentSource source) {
        var problems = new ArrayList<FieldProblem>(PurposeRules.subject("subject", change.subject()));
        if (change.purpose() == null) {
            problems.add(new FieldProblem("purpose", "Required."));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        return apply(caller, change.subject(), change, source);
    }

    /** The caller grants or withdraws a purpose for themself. */
    public ConsentRecordView setOwn(Caller caller, String purposeCode, Boolean granted, Integer policyVersion) {
        var purpose = purposes.require(caller.tenantId(), purposeCode);
        return apply(
                caller,
                caller.subject(),
                new ConsentChange(caller.subject(), purpose.code(), granted, policyVersion),
                ConsentSource.SELF_SERVICE);
    }

    private ConsentRecordView apply(Caller caller, String subject, ConsentChange change, ConsentSource source) {
        if (change.granted() == null) {
            throw Refusal.invalidField("granted", "Required: true to grant, false to withdraw.");
        }
        ConsentPurpose purpose = purposes.find(caller.tenantId(), change.purpose())
                .orElseThrow(() -> Refusal.invalidField("purpose", "The tenant has no purpose with this code."));
        int version = change.policyVersion() == null ? purpose.policyVersion() : change.policyVersion();
        if (version < 1 || version > purpose.policyVersion()) {
            throw Refusal.invalidField(
                    "policyVersion", "Between 1 and the purpose's current version " + purpose.policyVersion() + ".");
        }
        Instant now = clock.instant();
        UUID id = TimeOrderedIds.next();
        String receipt = ConsentReceipt.of(new ConsentReceipt.Facts(
                        id,
                        now,
                        jurisdiction,
                        subject,
                        em.find(Tenant.class, caller.tenantId()).name(),
                        controllerContact,
                        purpose.code(),
                        purpose.name(),
                        purpose.legalBasis().name(),
                        change.granted(),
                        version,
                        purposes.policyUrl(purpose, version),
                        collectionMethod(source)))
                .toString();
        var record = new ConsentRecord(
                id,
                caller.tenantId(),
                subject,
                purpose.id(),
                change.granted(),
                version,
                source,
                caller.subject(),
                caller.name(),
                now,
                receipt);
        em.persist(record);
        em.flush();
        states.apply(caller.tenantId(), subject, purpose.id(), change.granted(), version, id, now);
        audit.changed(caller, record, purpose.code());
        return ConsentRecordView.of(record, purpose.code());
    }

    /** Every purpose of the catalogue with the caller's own answer ({@code none} where they gave none). */
    public List<ConsentStateView> mine(Caller caller) {
        var own = em.createQuery(
                        "select s from ConsentState s where s.tenantId = :tenant and s.subject = :subject",
                        ConsentState.class)
                .setParameter("tenant", caller.tenantId())
                .setParameter("subject", caller.subject())
                .getResultStream()
                .collect(Collectors.toMap(ConsentState::purposeId, Function.identity()));
        return catalogue(caller.tenantId()).values().stream()
                .sorted(java.util.Comparator.comparing(ConsentPurpose::code))
                .map(p -> Optional.ofNullable(own.get(p.id()))
                        .map(s -> view(s, p))
                        .orElse(new ConsentStateView(
                                caller.subject(),
                                p.code(),
                                ConsentStateView.NONE,
                                null,
                                p.policyVersion(),
                                false,
                                null,
                                null)))
                .toList();
    }

    /** Current states matching the filter, most recently changed first. */
    public Page<ConsentStateView> states(UUID tenantId, ConsentFilter filter, String cursor, int limit) {
        var catalogue = catalogue(tenantId);
        var jpql = new StringBuilder("select s from ConsentState s where s.tenantId = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        where(jpql, params, filter, catalogue, "s.changedAt");
        if (filter.state() != null) {
            jpql.append(" and s.granted = :granted");
            params.put("granted", stateFilter(filter.state()));
        }
        TimeIdCursor after = cursor == null ? null : TimeIdCursor.of(cursor);
        if (after != null) {
            jpql.append(" and (s.changedAt < :afterAt or (s.changedAt = :afterAt and s.recordId < :afterId))");
            params.put("afterAt", after.time());
            params.put("afterId", after.id());
        }
        jpql.append(" order by s.changedAt desc, s.recordId desc");
        var query = em.createQuery(jpql.toString(), ConsentState.class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        return Page.of(query.getResultList(), limit, s -> view(s, catalogue.get(s.purposeId())), s -> new TimeIdCursor(
                        s.changedAt(), s.recordId())
                .encode());
    }

    /** The history: every grant and withdrawal matching the filter, newest first. */
    public Page<ConsentRecordView> records(UUID tenantId, ConsentFilter filter, String cursor, int limit) {
        if (filter.state() != null) {
            stateFilter(filter.state());
        }
        var catalogue = catalogue(tenantId);
        var jpql = new StringBuilder("select r from ConsentRecord r where r.tenantId = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        where(jpql, params, filter, catalogue, "r.recordedAt");
        if (filter.state() != null) {
            jpql.append(" and r.granted = :granted");
            params.put("granted", stateFilter(filter.state()));
        }
        TimeIdCursor after = cursor == null ? null : TimeIdCursor.of(cursor);
        if (after != null) {
            jpql.append(" and (r.recordedAt < :afterAt or (r.recordedAt = :afterAt and r.id < :afterId))");
            params.put("afterAt", after.time());
            params.put("afterId", after.id());
        }
        jpql.append(" order by r.recordedAt desc, r.id desc");
        var query = em.createQuery(jpql.toString(), ConsentRecord.class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        return Page.of(
                query.getResultList(),
                limit,
                r -> ConsentRecordView.of(r, catalogue.get(r.purposeId()).code()),
                r -> new TimeIdCursor(r.recordedAt(), r.id()).encode());
    }

    /** A record's receipt as given; {@code subject} non-null confines it to that subject's own records. */
    public Optional<String> receipt(UUID tenantId, UUID recordId, String subject) {
        var record = em.find(ConsentRecord.class, recordId);
        if (record == null
                || !record.tenantId().equals(tenantId)
                || (subject != null && !subject.equals(record.subject()))) {
            return Optional.empty();
        }
        return Optional.of(record.receipt());
    }

    private void where(
            StringBuilder jpql,
            Map<String, Object> params,
            ConsentFilter filter,
            Map<UUID, ConsentPurpose> catalogue,
            String timeColumn) {
        if (filter.subject() != null) {
            var problems = PurposeRules.subject("subject", filter.subject());
            if (!problems.isEmpty()) {
                throw Refusal.invalidInput(problems);
            }
            jpql.append(" and ").append(timeColumn.charAt(0)).append(".subject = :subject");
            params.put("subject", filter.subject());
        }
        if (filter.purpose() != null) {
            UUID purposeId = catalogue.values().stream()
                    .filter(p -> p.code().equals(filter.purpose()))
                    .map(ConsentPurpose::id)
                    .findFirst()
                    .orElseThrow(() -> Refusal.invalidField("purpose", "The tenant has no purpose with this code."));
            jpql.append(" and ").append(timeColumn.charAt(0)).append(".purposeId = :purpose");
            params.put("purpose", purposeId);
        }
        if (filter.from() != null) {
            jpql.append(" and ").append(timeColumn).append(" >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            jpql.append(" and ").append(timeColumn).append(" < :to");
            params.put("to", filter.to());
        }
    }

    private static boolean stateFilter(String state) {
        return switch (state) {
            case ConsentStateView.GRANTED -> true;
            case ConsentStateView.WITHDRAWN -> false;
            default -> throw Refusal.invalidField("state", "One of " + STATE_FILTER_VALUES + ".");
        };
    }

    private Map<UUID, ConsentPurpose> catalogue(UUID tenantId) {
        return em.createNamedQuery(ConsentPurpose.ALL, ConsentPurpose.class)
                .setParameter("tenant", tenantId)
                .getResultStream()
                .collect(Collectors.toMap(ConsentPurpose::id, Function.identity()));
    }

    private static ConsentStateView view(ConsentState s, ConsentPurpose p) {
        return new ConsentStateView(
                s.subject(),
                p.code(),
                ConsentStateView.state(s.granted()),
                s.policyVersion(),
                p.policyVersion(),
                s.granted() && s.policyVersion() < p.policyVersion(),
                s.changedAt(),
                s.recordId());
    }

    private static String collectionMethod(ConsentSource source) {
        return switch (source) {
            case SELF_SERVICE -> "given by the data subject through the LotaBots API";
            case RECORDED -> "collected by the controller and recorded through the LotaBots API";
            case CONSOLE -> "collected by the controller and recorded in the LotaBots console";
        };
    }
}
