package io.lotabots.audit.console;

import io.lotabots.audit.boundary.AuditEventView;
import io.lotabots.audit.boundary.AuditEvents;
import io.lotabots.audit.boundary.EventQuery;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.PageCursor;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Every event matching a filter, read page by page as the stream is consumed: an export holds exactly
 * what the view's filters show, however many pages that is (only one page is in memory at a time).
 */
record AuditPages(AuditEvents events, AuditFilter filter, UUID tenantId) {

    Stream<AuditEventView> stream() {
        return Stream.iterate(
                        events.find(filter.query(tenantId, null, EventQuery.MAX_LIMIT)),
                        page -> page != null,
                        page -> page.nextCursor() == null
                                ? null
                                : events.find(filter.query(
                                        tenantId, PageCursor.number(page.nextCursor()), EventQuery.MAX_LIMIT)))
                .flatMap((Page<AuditEventView> page) -> page.items().stream());
    }
}
