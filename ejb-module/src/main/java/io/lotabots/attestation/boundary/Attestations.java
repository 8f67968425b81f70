package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.Appraisers;
import io.lotabots.attestation.control.EvidenceArchive;
import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.ReviewDecision;
import io.lotabots.platform.cache.CacheStore;
import io.lotabots.platform.json.Json;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.TimeIdCursor;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads attestations, always within one tenant: another tenant's id is simply not found. Final
 * results never change, so they are served from the Redis cache ({@code attestations}, 10 minutes).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Attestations {

    static final String CACHE = "attestations";
    static final Duration CACHE_TTL = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    EvidenceArchive archive;

    @Inject
    CacheStore cache;

    @Inject
    AttestationReviews reviews;

    @Inject
    Appraisers appraisers;

    public Optional<AttestationView> find(UUID tenantId, UUID id) {
        return cache.getOrLoad(CACHE, CACHE_TTL, tenantId + ":" + id, () -> row(tenantId, id)
                        .filter(a -> a.status().isFinal())
                        .map(a -> Json.binding().toJson(AttestationViews.of(a))))
                .map(json -> Json.binding().fromJson(json, AttestationView.class))
                .or(() -> row(tenantId, id).map(AttestationViews::of))
                // reviews change after the verdict, so they are never part of the cached view
                .map(view -> view.withReview(reviews.current(tenantId, id).orElse(null)));
    }

    /** The evidence document exactly as stored at submission. */
    public Optional<byte[]> evidence(UUID tenantId, UUID id) {
        return row(tenantId, id).map(a -> {
            if (a.evidencePurgedAt() != null) {
                throw Refusal.notFound("The evidence of attestation " + id + " was purged at " + a.evidencePurgedAt()
                        + ", past its retention period.");
            }
            return archive.read(a.evidenceKey());
        });
    }

    /** The verification report; empty until the job has a verdict. */
    public Optional<byte[]> report(UUID tenantId, UUID id) {
        return row(tenantId, id).filter(a -> a.reportKey() != null).map(a -> {
            if (a.reportsPurgedAt() != null) {
                throw Refusal.notFound("The reports of attestation " + id + " were purged at " + a.reportsPurgedAt()
                        + ", past their retention period.");
            }
            return archive.read(a.reportKey());
        });
    }

    /** The types this application appraises, for filters that offer a choice only when there is one. */
    public Set<AttestationType> types() {
        return appraisers.types();
    }

    /** One page of the query's attestations, newest first; its cursor continues after the last one. */
    public Page<AttestationView> list(AttestationQuery q) {
        var jpql = new StringBuilder("select a from Attestation a where a.tenantId = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", q.tenantId());
        condition(jpql, params, "a.type = :type", "type", q.type());
        condition(jpql, params, "a.status = :status", "status", q.status());
        condition(jpql, params, "a.verdict = :verdict", "verdict", q.verdict());
        condition(jpql, params, "a.deviceId = :device", "device", q.deviceId());
        condition(jpql, params, "a.submittedAt >= :from", "from", q.from());
        condition(jpql, params, "a.submittedAt < :to", "to", q.to());
        condition(jpql, params, "a.policyName = :policy", "policy", q.policy());
        if (q.review() != null) {
            jpql.append(" and a.status in :final and ").append(reviewCondition(q.review()));
            params.put(
                    "final", List.of(AttestationStatus.VERIFIED, AttestationStatus.REJECTED, AttestationStatus.FAILED));
            if (q.review() != ReviewState.NOT_REVIEWED) {
                params.put("decision", ReviewDecision.valueOf(q.review().name()));
            }
        }
        if (q.after() != null) {
            jpql.append(" and (a.submittedAt < :afterAt or (a.submittedAt = :afterAt and a.id < :afterId))");
            params.put("afterAt", q.after().time());
            params.put("afterId", q.after().id());
        }
        jpql.append(" order by a.submittedAt desc, a.id desc");
        var query = em.createQuery(jpql.toString(), Attestation.class).setMaxResults(q.limit() + 1);
        params.forEach(query::setParameter);
        var rows = new ArrayList<>(query.getResultList());
        String next = null;
        if (rows.size() > q.limit()) {
            rows.remove(rows.size() - 1);
            var last = rows.get(rows.size() - 1);
            next = new TimeIdCursor(last.submittedAt(), last.id()).encode();
        }
        var current =
                reviews.current(q.tenantId(), rows.stream().map(Attestation::id).toList());
        return new Page<>(
                rows.stream()
                        .map(a -> AttestationViews.of(a).withReview(current.get(a.id())))
                        .toList(),
                next);
    }

    /** The attestation's current review (the one not superseded) is absent, or has the state's decision. */
    private static String reviewCondition(ReviewState state) {
        String current = "select r from AttestationReview r where r.attestationId = a.id and r.supersededAt is null";
        return state == ReviewState.NOT_REVIEWED
                ? "not exists (" + current + ")"
                : "exists (" + current + " and r.decision = :decision)";
    }

    private Optional<Attestation> row(UUID tenantId, UUID id) {
        return Optional.ofNullable(em.find(Attestation.class, id))
                .filter(a -> a.tenantId().equals(tenantId));
    }

    private static void condition(
            StringBuilder jpql, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            jpql.append(" and ").append(clause);
            params.put(name, value);
        }
    }
}
