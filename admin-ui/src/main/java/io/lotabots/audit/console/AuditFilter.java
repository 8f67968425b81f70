package io.lotabots.audit.console;

import io.lotabots.audit.boundary.EventQuery;
import io.lotabots.audit.entity.Outcome;
import java.time.Instant;
import java.util.UUID;

/**
 * What the audit view shows, resolved: the actor as the id events carry, and a time range fixed when
 * the search ran (a preset's "now" does not move while the user pages, so the grid, its total and the
 * CSV export agree). Null means "any".
 */
record AuditFilter(String actor, String action, Outcome outcome, Instant from, Instant to) {

    static final AuditFilter ANY = new AuditFilter(null, null, null, null, null);

    EventQuery query(UUID tenantId, Long before, int limit) {
        return new EventQuery(
                tenantId, blankToNull(actor), blankToNull(action), null, null, outcome, from, to, before, limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
