package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.AttestationQueue;
import io.lotabots.attestation.control.ConsumedNonce;
import io.lotabots.attestation.control.EvidenceArchive;
import io.lotabots.attestation.control.NonceConsumption;
import io.lotabots.attestation.control.NonceStore;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.NewAttestation;
import io.lotabots.platform.DependencyUnavailableException;
import io.lotabots.platform.ids.TimeOrderedIds;
import io.lotabots.platform.tracing.BusinessAttributes;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The job lifecycle of every attestation type. Each step commits on its own ({@link AttestationWork});
 * queue messages go out only between steps, after the commit that made them true, so no step needs a
 * two-phase commit with the message engine. A lost message costs a lease, not a job: the sweeper
 * announces every job whose lease ran out again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttestationJobs {

    private static final Logger LOG = Logger.getLogger(AttestationJobs.class.getName());

    @EJB
    AttestationWork work;

    @EJB
    AttestationMetrics metrics;

    @Inject
    AttestationQueue queue;

    @Inject
    EvidenceArchive archive;

    @Inject
    NonceStore nonces;

    /**
     * Consumes the submission's nonce (whatever the answer, it is recorded for the appraiser), stores
     * the job (row, evidence, audit event) in one transaction, then announces it; the evidence stays in
     * memory for the verification that most likely follows on this server. A job that certainly was not
     * stored (a dependency away) gives a VALID nonce back with its original expiry, so an outage costs
     * the client nothing; when the outcome is unknown the nonce stays used, since it must never serve
     * two stored jobs.
     */
    public AttestationView submit(Submission submission, byte[] evidenceDocument) {
        var nonce = nonces.consume(submission.tenantId(), submission.nonce());
        var spec = new NewAttestation(
                TimeOrderedIds.next(),
                submission.tenantId(),
                submission.type(),
                submission.policyName(),
                submission.policyVersion(),
                HexFormat.of().formatHex(submission.nonce()),
                nonce.status().name(),
                submission.deviceId(),
                submission.submittedBy());
        try {
            BusinessAttributes.attestation(spec.id(), spec.tenantId(), spec.type(), null, null);
            var view = work.open(spec, evidenceDocument);
            archive.keepRecent(view.id(), evidenceDocument);
            queue.announce(view.id());
            return view;
        } catch (JobNotStoredException notStored) {
            giveBack(nonce, notStored.getCause());
            throw notStored.getCause();
        } catch (RuntimeException unknownOutcome) {
            // the commit itself failed: the job may be stored, so its nonce must stay used
            throw nonce.status() == NonceConsumption.VALID ? new NonceSpentException(unknownOutcome) : unknownOutcome;
        }
    }

    /** Gives a VALID nonce back for a job that certainly was not stored, or says that it is spent. */
    private void giveBack(ConsumedNonce nonce, RuntimeException failure) {
        if (nonce.status() != NonceConsumption.VALID) {
            return;
        }
        try {
            if (nonces.giveBack(nonce)) {
                return;
            }
        } catch (RuntimeException nonceStoreAway) {
            failure.addSuppressed(nonceStoreAway);
        }
        throw new NonceSpentException(failure);
    }

    /**
     * Processes one announced job: a final, unknown or busy job is skipped (the message is a duplicate
     * or names nothing). An attempt that throws is retried at once, or, when a dependency is away,
     * after the lease by the sweeper without counting the attempt; after the last attempt the job fails
     * with the reason.
     */
    public void process(UUID id) {
        process(id, false);
    }

    /**
     * Like {@link #process(UUID)}; an {@code orphaned} job, whose message the broker took back from a
     * worker that died holding it, is taken over without waiting out that worker's lease.
     */
    public void process(UUID id, boolean orphaned) {
        var claim = work.claim(id, orphaned);
        switch (claim.kind()) {
            case CLAIMED -> appraise(id, claim);
            case GAVE_UP -> metrics.finished(claim.type(), AttestationStatus.FAILED, null);
            default -> LOG.fine(() -> "Attestation " + id + " skipped: " + claim.kind());
        }
    }

    /** Re-announces jobs whose lease ran out and fails those out of attempts. */
    public void sweep() {
        var swept = work.expireLeases();
        swept.requeued().forEach(queue::announce);
        swept.failed().forEach(type -> metrics.finished(type, AttestationStatus.FAILED, null));
        if (!swept.requeued().isEmpty() || !swept.failed().isEmpty()) {
            LOG.info(() -> "Attestation sweep: " + swept.requeued().size() + " re-queued, "
                    + swept.failed().size() + " failed");
        }
    }

    private void appraise(UUID id, Claim claim) {
        try {
            work.conclude(id, claim.attempt())
                    .ifPresent(done -> metrics.finished(done.type(), done.status(), done.appraisal()));
        } catch (RuntimeException e) {
            Throwable cause = rootCause(e);
            String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            LOG.log(Level.WARNING, e, () -> "Attestation " + id + " attempt " + claim.attempt() + " failed: " + reason);
            boolean dependencyAway = isDependencyOutage(e);
            work.retryOrFail(id, claim.attempt(), reason, dependencyAway).ifPresent(status -> {
                if (status == AttestationStatus.FAILED) {
                    metrics.finished(claim.type(), status, null);
                } else if (!dependencyAway) {
                    queue.announce(id);
                }
            });
        }
    }

    private static boolean isDependencyOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DependencyUnavailableException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
