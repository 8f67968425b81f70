package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.Appraisal;
import io.lotabots.attestation.control.Appraiser;
import io.lotabots.attestation.control.EvidenceDigest;
import io.lotabots.attestation.control.RecentEvidence;
import io.lotabots.attestation.control.ResultTokenClaims;
import io.lotabots.attestation.control.ResultTokenSigner;
import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.NewAttestation;
import io.lotabots.attestation.keys.AttestationResultKeys;
import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.platform.json.Json;
import io.lotabots.platform.storage.ObjectStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The job's steps, each in a transaction of its own that touches only PostgreSQL (one-phase commit)
 * and S3 (objects removed again on rollback). {@link AttestationJobs} strings them together and
 * sends queue messages between them, outside any transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AttestationWork {

    /**
     * {@link Attestation#claim} for a PENDING job or one whose lease ran out, with attempts left
     * (parameters: now, id, max attempts, now minus the lease). The status test is a CASE, not
     * {@code status = 'PENDING' or (status = 'PROCESSING' and ...)}: from that OR PostgreSQL proves the
     * predicate of the sweeper's partial index {@code attestation_unfinished}, and with statistics
     * taken while few jobs were unfinished it planned the claim as a scan of that whole index, filtered
     * by id, so every claim read the entire backlog (docs/benchmarks.md). A CASE proves nothing, so the
     * id's key is the only way in.
     */
    public static final String CLAIM = "update lotabots.attestation"
            + " set status = 'PROCESSING', attempts = attempts + 1, updated_at = ?, version = version + 1"
            + " where id = ? and attempts < ?"
            + " and case status when 'PENDING' then true when 'PROCESSING' then updated_at <= ? else false end"
            + " returning attempts, type";

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    ObjectStore objectStore;

    @Inject
    AuditTrail audit;

    @Inject
    RecentEvidence recentEvidence;

    @Inject
    AttestationResultKeys keys;

    @Inject
    @Any
    Instance<Appraiser> appraisers;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.lease", defaultValue = "PT2M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.result-token.lifetime", defaultValue = "P1D")
    Duration tokenLifetime;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.verifier-build", defaultValue = "lotabots-1.0.0")
    String verifierBuild;

    /**
     * The row (PENDING), the evidence document in S3 and the audit event, or none of them. Everything
     * is written and flushed inside the method, so a {@link JobNotStoredException} means certainly
     * nothing was stored; only a failure of the commit itself leaves the outcome unknown.
     */
    public AttestationView open(NewAttestation spec, byte[] evidenceDocument) {
        try {
            var view = store(spec, evidenceDocument);
            em.flush();
            return view;
        } catch (RuntimeException e) {
            throw new JobNotStoredException(e);
        }
    }

    private AttestationView store(NewAttestation spec, byte[] evidenceDocument) {
        var now = clock.instant();
        String key = "attestations/" + spec.tenantId() + "/" + spec.id() + "/evidence.json";
        String digest = EvidenceDigest.sha256Hex(evidenceDocument);
        objectStore.put(key, evidenceDocument, "application/json");
        var job = Attestation.pending(spec, key, digest, now);
        em.persist(job);
        audit.record(AuditRecord.success("attestation.submitted")
                .tenant(spec.tenantId())
                .target("attestation", spec.id())
                .detail("type", spec.type().label())
                .detail("policy", spec.policyName() + "@" + spec.policyVersion())
                .detail("nonceStatus", spec.nonceStatus())
                .detail("evidenceDigest", digest)
                .build());
        return AttestationViews.of(job);
    }

    /**
     * Starts an attempt: takes the lease unless the job is final, leased by a live worker, or out of
     * attempts. The usual case (a claimable job) is one statement; the others are told apart after it.
     */
    public Claim claim(UUID id) {
        var now = clock.instant();
        List<?> claimed = em.createNativeQuery(CLAIM)
                .setParameter(1, utc(now))
                .setParameter(2, id)
                .setParameter(3, maxAttempts)
                .setParameter(4, utc(now.minus(lease)))
                .getResultList();
        if (!claimed.isEmpty()) {
            var row = (Object[]) claimed.get(0);
            return new Claim(
                    Claim.Kind.CLAIMED, ((Number) row[0]).intValue(), AttestationType.valueOf((String) row[1]));
        }
        var job = em.find(Attestation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            return Claim.of(Claim.Kind.UNKNOWN);
        }
        if (job.status().isFinal()) {
            return Claim.of(Claim.Kind.ALREADY_FINAL);
        }
        if (job.status() == AttestationStatus.PROCESSING && job.updatedAt().isAfter(now.minus(lease))) {
            return Claim.of(Claim.Kind.BUSY);
        }
        if (job.attempts() >= maxAttempts) {
            fail(job, "no verdict after " + job.attempts() + " attempts", now);
            return new Claim(Claim.Kind.GAVE_UP, job.attempts(), job.type());
        }
        job.claim(now);
        return new Claim(Claim.Kind.CLAIMED, job.attempts(), job.type());
    }

    /**
     * Appraises the evidence of the attempt that holds the lease and records the verdict, the report
     * and the signed result; empty if the attempt lost its lease (the verdict of another attempt stands).
     */
    public java.util.Optional<Concluded> conclude(UUID id, int attempt) {
        var job = em.find(Attestation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.status() != AttestationStatus.PROCESSING || job.attempts() != attempt) {
            return java.util.Optional.empty();
        }
        byte[] evidence = evidence(job);
        long started = System.nanoTime();
        var now = clock.instant();
        Appraisal appraisal = appraiser(job.type()).appraise(job, evidence, now);
        var took = Duration.ofNanos(System.nanoTime() - started);
        String reportKey = "attestations/" + job.tenantId() + "/" + id + "/report-" + attempt + ".json";
        objectStore.put(reportKey, report(job, appraisal, now), "application/json");
        String token = ResultTokenSigner.sign(
                ResultTokenClaims.of(
                        new ResultTokenClaims.Result(
                                id,
                                job.type().label(),
                                appraisal.verdict(),
                                appraisal.trustworthinessVector(),
                                job.policyName() + "@" + job.policyVersion(),
                                job.evidenceDigest(),
                                appraisal.reasons(),
                                job.nonce()),
                        now,
                        tokenLifetime,
                        verifierBuild),
                keys.signingKey());
        var result = Json.createObjectBuilder()
                .add("reasons", Json.createArrayBuilder(appraisal.reasons()))
                .add("checks", appraisal.checks())
                .add("claims", appraisal.claims())
                .build();
        job.decide(appraisal.verdict(), reportKey, result, token, now);
        audit.record(AuditRecord.success(
                        job.status() == AttestationStatus.VERIFIED ? "attestation.verified" : "attestation.rejected")
                .actor("system", "attestation-verifier")
                .tenant(job.tenantId())
                .target("attestation", id)
                .detail("type", job.type().label())
                .detail("verdict", appraisal.verdict().earStatus())
                .detail("reasons", Json.createArrayBuilder(appraisal.reasons()).build())
                .detail("policy", job.policyName() + "@" + job.policyVersion())
                .build());
        return java.util.Optional.of(new Concluded(job.type(), job.status(), took));
    }

    /**
     * After an attempt threw: back to PENDING for another attempt, or FAILED when none is left; an
     * attempt stopped by a dependency outage is not counted, so the job completes once the dependency
     * is back. Empty when the attempt had lost its lease anyway.
     */
    public java.util.Optional<AttestationStatus> retryOrFail(
            UUID id, int attempt, String reason, boolean dependencyAway) {
        var job = em.find(Attestation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.status() != AttestationStatus.PROCESSING || job.attempts() != attempt) {
            return java.util.Optional.empty();
        }
        var now = clock.instant();
        if (dependencyAway) {
            job.requeueAfterOutage(reason, now);
        } else if (job.attempts() >= maxAttempts) {
            fail(job, reason, now);
        } else {
            job.requeue(now);
        }
        return java.util.Optional.of(job.status());
    }

    /** Jobs whose lease ran out: back to PENDING (their ids, to announce again), or FAILED when out of attempts. */
    public Swept expireLeases() {
        var now = clock.instant();
        @SuppressWarnings("unchecked") // the named query's result class
        List<Attestation> stale = em.createNamedQuery(Attestation.STALE)
                .setParameter(1, utc(now.minus(lease)))
                .getResultList();
        var requeued = new ArrayList<UUID>();
        var failed = new ArrayList<AttestationType>();
        for (Attestation job : stale) {
            if (job.attempts() >= maxAttempts) {
                fail(job, "no verdict after " + job.attempts() + " attempts", now);
                failed.add(job.type());
            } else {
                job.requeue(now);
                requeued.add(job.id());
            }
        }
        return new Swept(requeued, failed);
    }

    private void fail(Attestation job, String reason, Instant now) {
        job.fail(reason, now);
        audit.record(AuditRecord.failure("attestation.failed")
                .actor("system", "attestation-verifier")
                .tenant(job.tenantId())
                .target("attestation", job.id())
                .detail("type", job.type().label())
                .detail("reason", job.failureReason())
                .detail("attempts", job.attempts())
                .build());
    }

    /** The document this server kept at submission if it matches the stored digest, else the S3 object. */
    private byte[] evidence(Attestation job) {
        return recentEvidence
                .take(job.id())
                .filter(document -> EvidenceDigest.sha256Hex(document).equals(job.evidenceDigest()))
                .orElseGet(() -> objectStore.get(job.evidenceKey()));
    }

    private Appraiser appraiser(AttestationType type) {
        return appraisers.stream()
                .filter(a -> a.type() == type)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no appraiser for " + type));
    }

    private static byte[] report(Attestation job, Appraisal appraisal, Instant now) {
        // plain JSON, not the canonical form: a report's inputs may hold any number
        return Json.createObjectBuilder()
                .add("attestationId", job.id().toString())
                .add("type", job.type().label())
                .add("policy", job.policyName() + "@" + job.policyVersion())
                .add("evidenceDigest", job.evidenceDigest())
                .add("nonceStatus", job.nonceStatus())
                .add("verdict", appraisal.verdict().earStatus())
                .add("appraisedAt", now.toString())
                .add("appraisal", appraisal.report())
                .build()
                .toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A recorded verdict: the job's type and final status, and how long the appraisal itself took. */
    public record Concluded(AttestationType type, AttestationStatus status, Duration appraisal) {}

    private static java.time.OffsetDateTime utc(Instant instant) {
        return java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    /** What one sweep did: jobs to announce again, and the types of jobs it gave up on. */
    public record Swept(List<UUID> requeued, List<AttestationType> failed) {}
}
