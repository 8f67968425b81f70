package io.lotabots.audit.api;

import io.lotabots.audit.boundary.AuditEventView;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** A page of the event list: the events and the link to the next page, null on the last. */
@JsonbNillable
public record EventList(List<AuditEventView> items, String next) {}
