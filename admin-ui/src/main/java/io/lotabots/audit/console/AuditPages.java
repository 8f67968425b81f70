package io.lotabots.audit.console;

import io.lotabots.audit.boundary.AuditEventView;
import io.lotabots.audit.boundary.AuditEvents;
import io.lotabots.audit.boundary.EventQuery;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.PageCursor;
import java.util.UUID;
import java.util.stream.Stream;

/** Every event matching a filter, read page by page as the stream is consumed, up to a bound. */
record AuditPages(AuditEvents events, AuditFilter filter, UUID tenantId) {

    /** An export larger than this is a job for the API's paging, not a browser download. */
    static final int MAX_PAGES = 100;

    Stream<AuditEventView> stream() {
        return Stream.iterate(
                        events.find(filter.query(tenantId, null, EventQuery.MAX_LIMIT)),
                        page -> page != null,
                        page -> page.nextCursor() == null
                                ? null
                                : events.find(filter.query(
                                        tenantId, PageCursor.number(page.nextCursor()), EventQuery.MAX_LIMIT)))
                .limit(MAX_PAGES)
                .flatMap((Page<AuditEventView> page) -> page.items().stream());
    }
}
