package io.lotabots.retention.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** What an officer sees of retention: the periods in force and the tenant's latest purge runs. */
@Stateless
public class RetentionOverview {

    /** Why audit events are never purged (docs/architecture.md, "Retention and legal hold"). */
    public static final String AUDIT_EVENTS_KEPT = "The chain is verified from its first event and the table is"
            + " append-only; purging events would leave a gap every verification reports. Kept for good;"
            + " erasure pseudonymises them instead.";

    public static final int RUNS_SHOWN = 20;

    @Inject
    RetentionSettings settings;

    @EJB
    RetentionRecords records;

    public RetentionView view(UUID tenantId) {
        return new RetentionView(
                settings.periods().stream()
                        .map(p -> new RetentionView.PeriodView(p.dataClass().key(), p.iso(), p.forever()))
                        .toList(),
                List.of(new RetentionView.KeptView("audit-events", AUDIT_EVENTS_KEPT)),
                records.latest(tenantId, RUNS_SHOWN));
    }
}
