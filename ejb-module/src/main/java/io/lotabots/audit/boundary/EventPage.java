package io.lotabots.audit.boundary;

import java.util.List;

/** One page of events; {@code nextBefore} is where the next page starts, null on the last page. */
public record EventPage(List<AuditEventView> items, Long nextBefore) {}
