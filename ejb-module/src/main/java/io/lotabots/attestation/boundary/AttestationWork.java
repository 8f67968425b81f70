package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.Appraisal;
import io.lotabots.attestation.control.Appraisers;
import io.lotabots.attestation.control.EvidenceArchive;
import io.lotabots.attestation.control.ResultIssuer;
import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.NewAttestation;
import io.lotabots.platform.tracing.BusinessAttributes;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    EvidenceArchive archive;

    @Inject
    ResultIssuer issuer;

    @Inject
    Appraisers appraisers;

    @Inject
    JobAudit audit;

    @Inject
    Clock clock;

    @Inject
    Event<AttestationOpened> opened;

    @Inject
    Event<AttestationEnded> ended;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.lease", defaultValue = "PT2M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.max-attempts", defaultValue = "3")
    int maxAttempts;

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
        var evidence = archive.storeEvidence(spec.tenantId(), spec.id(), evidenceDocument);
        var job = Attestation.pending(spec, evidence.key(), evidence.digest(), now);
        em.persist(job);
        opened.fire(new AttestationOpened(spec.id(), spec.tenantId(), spec.type()));
        audit.submitted(spec, evidence.digest());
        return AttestationViews.of(job);
    }

    /**
     * Starts an attempt: takes the lease unless the job is final, leased by a live worker, or out of
     * attempts. The usual case (a claimable job) is one statement; the others are told apart after it.
     */
    public Claim claim(UUID id) {
        return claim(id, false);
    }

    /**
     * Like {@link #claim(UUID)}; an {@code orphaned} job's lease counts as run out at once: the broker
     * handed its message on because the worker that held it is gone, and an attempt that still lives
     * somewhere has its verdict discarded by {@link #conclude}.
     */
    public Claim claim(UUID id, boolean orphaned) {
        var now = clock.instant();
        var leasedBefore = orphaned ? now : now.minus(lease);
        List<?> claimed = em.createNativeQuery(CLAIM)
                .setParameter(1, utc(now))
                .setParameter(2, id)
                .setParameter(3, maxAttempts)
                .setParameter(4, utc(leasedBefore))
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
        if (job.status() == AttestationStatus.PROCESSING && job.updatedAt().isAfter(leasedBefore)) {
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
    public Optional<Concluded> conclude(UUID id, int attempt) {
        var job = em.find(Attestation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.status() != AttestationStatus.PROCESSING || job.attempts() != attempt) {
            return Optional.empty();
        }
        byte[] evidence = archive.evidence(job);
        long started = System.nanoTime();
        long cpuStarted = threadCpuNanos();
        var now = clock.instant();
        Appraisal appraisal = appraisers.of(job.type()).appraise(job, evidence, now);
        var took = Duration.ofNanos(System.nanoTime() - started);
        var cpu = Duration.ofNanos(Math.max(0, threadCpuNanos() - cpuStarted));
        var issued = issuer.issue(job, appraisal, now);
        String reportKey = archive.storeReport(job, attempt, issued.report());
        job.decide(appraisal.verdict(), reportKey, issued.result(), issued.token(), now);
        audit.concluded(job, appraisal);
        ended.fire(new AttestationEnded(job.id(), job.tenantId(), job.type(), job.status(), cpu));
        BusinessAttributes.attestation(job.id(), job.tenantId(), job.type(), job.status(), appraisal.verdict());
        return Optional.of(new Concluded(job.type(), job.status(), took));
    }

    /**
     * After an attempt threw: back to PENDING for another attempt, or FAILED when none is left; an
     * attempt stopped by a dependency outage is not counted, so the job completes once the dependency
     * is back. Empty when the attempt had lost its lease anyway.
     */
    public Optional<AttestationStatus> retryOrFail(UUID id, int attempt, String reason, boolean dependencyAway) {
        var job = em.find(Attestation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.status() != AttestationStatus.PROCESSING || job.attempts() != attempt) {
            return Optional.empty();
        }
        var now = clock.instant();
        if (dependencyAway) {
            job.requeueAfterOutage(reason, now);
        } else if (job.attempts() >= maxAttempts) {
            fail(job, reason, now);
        } else {
            job.requeue(now);
        }
        return Optional.of(job.status());
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
        audit.failed(job);
        ended.fire(new AttestationEnded(job.id(), job.tenantId(), job.type(), job.status(), Duration.ZERO));
    }

    /** The CPU time this thread has used; zero where the JVM does not measure it. */
    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** A recorded verdict: the job's type and final status, and how long the appraisal itself took. */
    public record Concluded(AttestationType type, AttestationStatus status, Duration appraisal) {}

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** What one sweep did: jobs to announce again, and the types of jobs it gave up on. */
    public record Swept(List<UUID> requeued, List<AttestationType> failed) {}
}
