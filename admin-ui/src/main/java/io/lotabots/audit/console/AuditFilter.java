package io.lotabots.audit.console;

import io.lotabots.audit.boundary.EventQuery;
import io.lotabots.audit.entity.Outcome;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The filter fields of the audit view; blank means "any". Times are entered and shown in UTC. */
record AuditFilter(String actor, String action, Outcome outcome, LocalDateTime from, LocalDateTime to) {

    EventQuery query(UUID tenantId, Long before, int limit) {
        return new EventQuery(
                tenantId,
                blankToNull(actor),
                blankToNull(action),
                null,
                null,
                outcome,
                utc(from),
                utc(to),
                before,
                limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
