package io.lotabots.audit.boundary;

import io.lotabots.audit.entity.AuditEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who an event is attributed to: the record's own actor and tenant when it names them (a login
 * names the user logging in), else the request's authenticated caller, else "system" on the
 * platform chain. Source address and user agent always come from the request, if there is one.
 */
final class EventAttribution {

    static final String SYSTEM = "system";

    private EventAttribution() {}

    static AuditEvent event(AuditRecord record, Optional<AuditContext> request, UUID eventId, Instant now) {
        var caller = request.flatMap(AuditContext::caller);
        String actor = record.actor() != null
                ? record.actor()
                : caller.map(AuditContext.Caller::actor).orElse(SYSTEM);
        String actorName = record.actor() != null
                ? record.actorName()
                : caller.map(AuditContext.Caller::actorName).orElse(null);
        UUID tenant = record.tenantId() != null
                ? record.tenantId()
                : caller.map(AuditContext.Caller::tenantId).orElse(AuditTrail.PLATFORM);
        var who = new AuditEvent.Attribution(
                actor,
                actorName,
                request.map(AuditContext::sourceIp).orElse(null),
                request.map(AuditContext::userAgent).orElse(null));
        var what = new AuditEvent.What(
                record.action(), record.targetType(), record.targetId(), record.outcome(), record.details());
        return new AuditEvent(eventId, tenant, who, what, now);
    }
}
