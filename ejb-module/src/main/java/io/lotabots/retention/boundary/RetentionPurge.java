package io.lotabots.retention.boundary;

import io.lotabots.attestation.boundary.AttestationRetention;
import io.lotabots.document.boundary.DocumentJanitor;
import io.lotabots.document.boundary.Documents;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Role;
import io.lotabots.model.boundary.Models;
import io.lotabots.platform.ids.TimeOrderedIds;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.retention.control.DataClass;
import io.lotabots.retention.control.HeldObject;
import io.lotabots.retention.control.RetentionPeriod;
import io.lotabots.subjectrequest.boundary.SubjectRequestResults;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes, tenant by tenant and class by class, up to one batch of what is past its retention period and
 * covered by no legal hold, through each component's own deletion (so its audit events, cache eviction and
 * quota follow), and records the run. Runs outside a transaction: each removal commits on its own, so an S3
 * failure stops only its class's batch and the next run goes on from there.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    @EJB
    PurgeCandidates candidates;

    @EJB
    RetentionRecords records;

    @EJB
    DocumentJanitor janitor;

    @EJB
    AttestationRetention attestations;

    @EJB
    SubjectRequestResults exports;

    @Inject
    Documents documents;

    @Inject
    Models models;

    @Inject
    RetentionSettings settings;

    @Inject
    RetentionMetrics metrics;

    @Inject
    Clock clock;

    /** Every tenant with something to purge, as of now: the timer's run. */
    public void purgeAll() {
        Instant now = clock.instant();
        var tenants = new java.util.TreeSet<UUID>();
        for (RetentionPeriod period : settings.periods()) {
            period.cutoff(now)
                    .ifPresent(cutoff -> tenants.addAll(candidates.tenantsWithWork(period.dataClass(), cutoff)));
        }
        for (UUID tenant : tenants) {
            try {
                purgeTenant(tenant, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The retention purge of tenant " + tenant + " failed; retried next run", e);
            }
        }
    }

    /** One tenant as of {@code asOf}; records the run (and audits it) when it purged or held anything. */
    public Optional<PurgeRunView> purgeTenant(UUID tenantId, Instant asOf) {
        Instant started = clock.instant();
        var purged = new LinkedHashMap<String, Integer>();
        int held = 0;
        for (RetentionPeriod period : settings.periods()) {
            var cutoff = period.cutoff(asOf);
            if (cutoff.isEmpty()) {
                purged.put(period.dataClass().key(), 0);
                continue;
            }
            int removed = purgeClass(tenantId, period.dataClass(), cutoff.get());
            purged.put(period.dataClass().key(), removed);
            metrics.purged(period.dataClass(), removed);
            held += (int) candidates.held(tenantId, period.dataClass(), cutoff.get());
        }
        if (held == 0 && purged.values().stream().allMatch(n -> n == 0)) {
            return Optional.empty();
        }
        return Optional.of(records.record(TimeOrderedIds.next(), tenantId, started, clock.instant(), purged, held));
    }

    private int purgeClass(UUID tenantId, DataClass dataClass, Instant cutoff) {
        var system = new Caller(tenantId, "system", "retention-purge", Set.of(Role.ADMIN));
        int removed = 0;
        for (HeldObject object : candidates.unheld(tenantId, dataClass, cutoff, settings.batch())) {
            try {
                switch (dataClass) {
                    case DOCUMENTS -> {
                        documents.delete(system, object.id(), null);
                        janitor.purge(tenantId, object.id());
                    }
                    case MODELS -> models.delete(system, object.id());
                    case EVIDENCE -> attestations.purgeEvidence(tenantId, object.id());
                    case REPORTS -> attestations.purgeReports(tenantId, object.id());
                    case EXPORTS -> exports.purgeExport(tenantId, object.id());
                }
                removed++;
            } catch (Refusal gone) {
                LOG.fine(() -> dataClass.key() + " " + object.id() + " went while the purge ran: " + gone.getMessage());
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Purging " + dataClass.key() + " " + object.id() + " failed; retried next run",
                        e);
                break;
            }
        }
        return removed;
    }
}
